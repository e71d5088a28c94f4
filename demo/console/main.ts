/**
 * The technician console's entry: defines the app element that index.html places.
 */
import './components/porthole-console.js';
