/**
 * The composition root: reads the configuration once per application, chooses and prepares the stores, wires
 * the {@code core} services, bridges events to CDI and schedules the purge. Started by the library's
 * {@code web-fragment.xml}.
 *
 * <p>May import anything in the library; nothing imports it except {@code web}, {@code rest} and
 * {@code health}.
 */
package io.betterauth.jakarta.runtime;
