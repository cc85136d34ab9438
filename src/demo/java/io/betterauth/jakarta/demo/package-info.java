/**
 * The demo application's own classes: built into the demo WAR only, never into the library JAR.
 */
package io.betterauth.jakarta.demo;
