package io.betterauth.jakarta.core.plugin.multisession;

import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The multi-session device cookies: named {@code <session_token name>_multi-<token lower-cased>}, holding the
 * session token signed as {@code session_token} holds it, with its attributes ({@code Max-Age} = {@code expiresIn}).
 * Better Auth counts every request cookie whose name contains {@code _multi-} as one; so does this.
 */
final class DeviceCookies {

    static final String MARK = "_multi-";
    /**
     * Ours: at most this many device cookies of one request are read (each is an HMAC and, when it verifies, a store
     * read). A browser holds {@code maximumSessions} of them; a request with more is not a browser's.
     */
    static final int MAX_READ = 64;

    private final SessionCookies cookies;

    DeviceCookies(SessionCookies cookies) {
        this.cookies = cookies;
    }

    /** The device cookie's name for this session token. */
    String name(String token) {
        return cookies.sessionTokenName() + MARK + token.toLowerCase(Locale.ROOT);
    }

    /** The names of the request's device cookies, in the order sent (at most {@link #MAX_READ}). */
    List<String> names(RequestCookies request) {
        List<String> names = new ArrayList<>();
        for (String name : request.names()) {
            if (name.contains(MARK) && names.size() < MAX_READ) {
                names.add(name);
            }
        }
        return names;
    }

    /** How many device cookies the request has, all of them (Better Auth counts them against the cap). */
    int count(RequestCookies request) {
        int count = 0;
        for (String name : request.names()) {
            if (name.contains(MARK)) {
                count++;
            }
        }
        return count;
    }

    /** The session token a device cookie of the request carries, when its signature holds. */
    Optional<String> token(RequestCookies request, String name) {
        return request.get(name).flatMap(cookies::verify);
    }

    /**
     * The verified session tokens of the request's device cookies, in the order sent, each once: one token under
     * many names is one store read, not one per name.
     */
    List<String> tokens(RequestCookies request) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String name : names(request)) {
            token(request, name).ifPresent(tokens::add);
        }
        return List.copyOf(tokens);
    }

    /** The device cookie for this session. */
    String issue(String token) {
        return cookies.signedTokenCookie(name(token), token);
    }

    /** {@code name=; Max-Age=0} with the session cookie's attributes. */
    String expire(String name) {
        return cookies.expire(name);
    }

    /**
     * The name sign-out expires a device cookie under, as Better Auth writes it: lower-cased, then its first
     * {@code __secure-} restored to {@code __Secure-} (so a custom cookie prefix with capitals is not matched: the
     * browser keeps that cookie, whose session is deleted all the same). Ours: {@code __Host-} is restored too.
     */
    static String signOutName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"__Secure-", "__Host-"}) {
            int at = lower.indexOf(prefix.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                return lower.substring(0, at) + prefix + lower.substring(at + prefix.length());
            }
        }
        return lower;
    }
}
