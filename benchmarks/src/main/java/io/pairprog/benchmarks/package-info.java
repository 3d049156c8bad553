/**
 * JMH benchmarks. Speed is measured here, never asserted in tests; the numbers go to docs/performance.md.
 */
package io.pairprog.benchmarks;
