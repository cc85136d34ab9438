/**
 * What Jakarta Security needs on Tomcat (with Weld and Soteria) and cannot do by itself: registering the
 * mechanism and a {@code SecurityContext}. Active only on Tomcat.
 *
 * <p>May import: {@code web} and Jakarta Servlet, CDI and Security.
 */
package io.betterauth.jakarta.web.tomcat;
