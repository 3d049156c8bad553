/** The load tool. */
package io.pairprog.loadtest;
