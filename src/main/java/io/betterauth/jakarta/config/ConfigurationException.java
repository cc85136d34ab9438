package io.betterauth.jakarta.config;

/** Thrown at start-up when the configuration cannot be used (a missing secret, a value that does not parse). */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
