package io.betterauth.jakarta.core;

/** What is recorded about the device that creates a session: its IP address and {@code User-Agent} ({@code ""} when absent). */
public record ClientInfo(String ipAddress, String userAgent) {

    public static final ClientInfo UNKNOWN = new ClientInfo("", "");
}
