package org.mwconform.stub;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the stub wiki remembers: sessions with their token and CAPTCHAs, users, the newusers log. Thread-safe. */
final class WikiState {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One browser session, known by its cookie; it owns one createaccount token and the CAPTCHAs issued
     * to it (captchaId to answer), as ConfirmEdit keeps them in the session.
     */
    record Session(String id, String createAccountToken, Map<String, String> captchas, Map<String, Object> auth) {
    }

    record User(long userid, String name, String registration) {
    }

    record LogEntry(long logid, String title, String type, String action, String performer, String timestamp, long userid) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final List<LogEntry> log = new CopyOnWriteArrayList<>();
    private final AtomicLong nextUserId = new AtomicLong(1);
    private final AtomicLong nextLogId = new AtomicLong(1);
    private final String tokenSuffix;
    /** Whether anonymous visitors hold the createaccount right: an admin may take it away between two runs. */
    private final java.util.concurrent.atomic.AtomicBoolean anonymousCreation = new java.util.concurrent.atomic.AtomicBoolean(true);

    /** @param tokenSuffix what follows the hex digits of a token: "+\" in MediaWiki */
    WikiState(String tokenSuffix) {
        this.tokenSuffix = tokenSuffix;
        // Every wiki has the account install.php made: list=allusers names it, and the safe probes use it.
        createUser(INSTALLER_ACCOUNT);
    }

    boolean anonymousCreation() {
        return anonymousCreation.get();
    }

    void anonymousCreation(boolean allowed) {
        anonymousCreation.set(allowed);
    }

    /** The account a fresh wiki holds. */
    static final String INSTALLER_ACCOUNT = "Stub admin";

    /** Every account, by name (list=allusers order). */
    List<String> userNames() {
        return users.keySet().stream().sorted().toList();
    }

    int userCount() {
        return users.size();
    }

    /** Name to user id: what a creation, or an account created again over an existing one, changes. */
    Map<String, Long> userIds() {
        Map<String, Long> ids = new java.util.TreeMap<>();
        users.values().forEach(u -> ids.put(u.name(), u.userid()));
        return ids;
    }

    /** A defect: stores the user even when the name is taken, as a new account (a new id) under that name. */
    User replaceUser(String name) {
        String canonical = canonical(name);
        User user = new User(nextUserId.getAndIncrement(), canonical, now());
        users.put(canonical, user);
        return user;
    }

    /** The session's AuthManager state (a conversation in progress, preserved login state), as in {@code authData}. */

    /** The session of this cookie value, or a new one when the cookie is absent or unknown. */
    Session session(String cookieValue) {
        if (cookieValue != null) {
            Session known = sessions.get(cookieValue);
            if (known != null) {
                return known;
            }
        }
        Session fresh = new Session(hex(16), hex(20) + tokenSuffix, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        sessions.put(fresh.id(), fresh);
        return fresh;
    }

    Optional<User> user(String name) {
        return Optional.ofNullable(users.get(canonical(name)));
    }

    /** Stores a new user; empty when the name is taken (checked and stored atomically). */
    Optional<User> createUser(String name) {
        String canonical = canonical(name);
        User user = new User(nextUserId.getAndIncrement(), canonical, now());
        return users.putIfAbsent(canonical, user) == null ? Optional.of(user) : Optional.empty();
    }

    void logCreation(User user, String performer) {
        log.add(new LogEntry(nextLogId.getAndIncrement(), "User:" + user.name(), "newusers", "create", performer,
                now(), user.userid()));
    }

    /** Entries of one type for one page title, newest first, as list=logevents gives them. */
    List<LogEntry> log(String type, String title) {
        String wanted = title == null ? null : canonicalTitle(title);
        return log.stream()
                .filter(e -> type == null || type.equals(e.type()))
                .filter(e -> wanted == null || wanted.equals(e.title()))
                .sorted((a, b) -> Long.compare(b.logid(), a.logid()))
                .toList();
    }

    /** MediaWiki's user names: underscores are spaces, the first letter is upper case. */
    static String canonical(String name) {
        String spaced = name.replace('_', ' ').strip();
        if (spaced.isEmpty()) {
            return spaced;
        }
        int first = spaced.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(spaced.substring(Character.charCount(first))).toString();
    }

    private static String canonicalTitle(String title) {
        int colon = title.indexOf(':');
        return colon < 0 ? canonical(title) : "User:" + canonical(title.substring(colon + 1));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
