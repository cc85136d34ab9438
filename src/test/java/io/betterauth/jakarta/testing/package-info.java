/**
 * Test helpers shared by the test packages: a settable clock, fault-injecting stores, log capture, test vectors.
 */
package io.betterauth.jakarta.testing;
