package io.betterauth.jakarta.core.plugin.multisession;

import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.config.plugin.MultiSessionOptions;
import io.betterauth.jakarta.core.cookie.SetCookieLines;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.plugin.Exchange;
import io.betterauth.jakarta.core.plugin.ResponseHook;
import io.betterauth.jakarta.core.session.SessionManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The multi-session plugin's after-hooks, on the endpoints' answers. First, an answer that sets a live
 * {@code session_token} (Better Auth's {@code newSession}: sign-up, sign-in, a refresh, set-active) gets that
 * session's device cookie, unless the request or the answer already has it; before that, every device cookie of the
 * request whose session belongs to the same user is expired and its session deleted (signing in again replaces the
 * older session); and none is issued when the browser would then hold more than {@code maximumSessions} (the session
 * is still created and active). Second, sign-out expires every validly signed device cookie of the request and
 * deletes those sessions: every account of the browser is signed out.
 */
public final class MultiSessionPlugin implements ResponseHook {

    private final MultiSessionOptions options;
    private final SessionManager sessions;
    private final DeviceCookies devices;

    public MultiSessionPlugin(MultiSessionOptions options, SessionManager sessions) {
        this.options = options;
        this.sessions = sessions;
        this.devices = new DeviceCookies(sessions.cookies());
    }

    @Override
    public AuthResult after(Exchange exchange, AuthResult result) {
        if (!exchange.isEndpoint()) {
            return result;
        }
        AuthResult answer = newSession(exchange, result);
        return "/sign-out".equals(exchange.path()) ? signOut(exchange, answer) : answer;
    }

    private AuthResult newSession(Exchange exchange, AuthResult result) {
        Optional<String> token = SetCookieLines.liveValue(result.setCookies(), sessions.cookies().sessionTokenName())
                .flatMap(sessions.cookies()::verify);
        if (token.isEmpty()) {
            return result;
        }
        String name = devices.name(token.get());
        boolean answered = result.setCookies().stream().anyMatch(l -> l.startsWith(name + "="));
        if (answered || exchange.cookies().get(name).isPresent()) {
            return result;
        }
        Optional<SessionAndUser> created = sessions.find(token.get());
        if (created.isEmpty()) {
            return result;
        }
        String userId = created.get().user().id();
        List<String> lines = new ArrayList<>(result.setCookies());
        // Each token read once, however many names carry it; deleted after the loop, as Better Auth's deleteSessions.
        Map<String, Optional<SessionAndUser>> read = new HashMap<>();
        Map<String, SessionAndUser> replacedSessions = new LinkedHashMap<>();
        int replaced = 0;
        for (String device : devices.names(exchange.cookies())) {
            Optional<String> other = devices.token(exchange.cookies(), device);
            Optional<SessionAndUser> found = other.flatMap(t -> read.computeIfAbsent(t, sessions::find));
            if (found.isPresent() && found.get().user().id().equals(userId)) {
                lines.add(devices.expire(device));
                replacedSessions.put(other.get(), found.get());
                replaced++;
            }
        }
        replacedSessions.values().forEach(s -> sessions.delete(s.session(), "multi-session"));
        // Better Auth counts the request's device cookies (all of them), less those replaced, plus this one's own.
        if (devices.count(exchange.cookies()) - replaced + 1 <= options.maximumSessions()) {
            lines.add(devices.issue(token.get()));
        }
        return result.withSetCookies(lines);
    }

    private AuthResult signOut(Exchange exchange, AuthResult result) {
        List<String> lines = new ArrayList<>(result.setCookies());
        Set<String> tokens = new LinkedHashSet<>();
        for (String device : devices.names(exchange.cookies())) {
            devices.token(exchange.cookies(), device).ifPresent(t -> {
                lines.add(devices.expire(DeviceCookies.signOutName(device)));
                tokens.add(t);
            });
        }
        for (String t : tokens) {
            sessions.find(t).ifPresent(s -> sessions.delete(s.session(), "sign-out"));
        }
        return lines.size() == result.setCookies().size() ? result : result.withSetCookies(lines);
    }
}
