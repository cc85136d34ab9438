package io.betterauth.jakarta.core.session;

/**
 * What is recorded about the device that creates a session: its IP address and {@code User-Agent} ({@code ""} when
 * absent), the latter as a column can hold it ({@link ColumnLimits#storableText}: a header the database would refuse
 * must not make sign-in fail).
 */
public record ClientInfo(String ipAddress, String userAgent) {

    public ClientInfo {
        userAgent = ColumnLimits.storableText(userAgent);
    }

    public static final ClientInfo UNKNOWN = new ClientInfo("", "");
}
