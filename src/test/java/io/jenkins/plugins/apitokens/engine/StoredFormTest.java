package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thoughtworks.xstream.XStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tokens written with XStream, as Jenkins keeps them, and read back as after a restart: what a check needs but the
 * file does not hold (the index, the hash as numbers, the expiry as a number) is rebuilt on loading.
 */
class StoredFormTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final XmlRepository disk = new XmlRepository(new HashMap<>());
    private final TokenService before = serviceOn(disk);

    @Test
    void aTokenStillVerifiesAfterARestartAndTheFileHoldsNoValue() {
        NewToken token = before.create("alice", TokenRequest.named("ci"), "alice");
        String xml = disk.files.get("alice");
        assertFalse(xml.contains(token.value()), xml);
        assertFalse(xml.contains(token.value().substring(TokenFormat.PREFIX.length())), xml);

        TokenService after = restart();
        Verification result = after.verify("alice", token.value(), "10.0.0.1");
        assertTrue(result.isAccepted(), String.valueOf(result));
        assertEquals("ci", result.token().name());
        String wrong = new TokenFormat().newValue(token.token().id());
        assertEquals(Rejection.UNKNOWN, after.verify("alice", wrong, "10.0.0.1").rejection());
    }

    @Test
    void anExpiryReadBackExpiresAtTheSameInstant() {
        Instant expiry = START.plus(Duration.ofDays(30));
        NewToken token = before.create("alice", new TokenRequest("short", expiry, Scope.READ_ONLY), "alice");

        TokenService after = restart();
        clock.set(expiry.minusMillis(1));
        Verification lastMoment = after.verify("alice", token.value(), "ip");
        assertTrue(lastMoment.isAccepted(), String.valueOf(lastMoment));
        assertEquals(Scope.READ_ONLY, lastMoment.scope());
        clock.set(expiry);
        assertEquals(
                Rejection.EXPIRED, after.verify("alice", token.value(), "ip").rejection());
    }

    @Test
    void flushedUsesAndRevocationsSurviveARestart() {
        NewToken kept = before.create("alice", TokenRequest.named("kept"), "alice");
        NewToken revoked = before.create("alice", TokenRequest.named("revoked"), "alice");
        for (int i = 0; i < 3; i++) {
            before.verify("alice", kept.value(), "10.0.0." + i);
        }
        before.revoke("alice", revoked.token().id(), "alice");
        before.flushUsage();

        TokenService after = restart();
        TokenInfo info = after.get("alice", kept.token().id());
        assertEquals(3, info.useCount());
        assertEquals("10.0.0.2", info.lastSource());
        assertEquals(
                Rejection.UNKNOWN, after.verify("alice", revoked.value(), "ip").rejection());
        assertNull(after.verify("alice", revoked.value(), "ip").token());
    }

    @Test
    void aTokensReachIsReadBackAndAnOldTokenWorksEverywhere() {
        NewToken limited = before.create(
                "alice",
                new TokenRequest("deploy", ExpiryChoice.DEFAULT, Scope.RUN_BUILDS, Reach.parse("team/app, ops")),
                "alice");
        NewToken everywhere = before.create("alice", TokenRequest.named("old"), "alice");
        String xml = disk.files.get("alice");
        assertTrue(xml.contains("<string>team/app</string>"), xml);

        TokenService after = restart();
        assertEquals(
                Reach.parse("ops, team/app"),
                after.get("alice", limited.token().id()).reach());
        assertEquals(
                Scope.RUN_BUILDS, after.verify("alice", limited.value(), "ip").scope());
        assertTrue(after.get("alice", everywhere.token().id()).reach().isEverywhere(), "no items element: everywhere");
    }

    private TokenService restart() {
        return serviceOn(new XmlRepository(disk.files));
    }

    private TokenService serviceOn(TokenRepository repository) {
        return new TokenService(repository, clock, () -> TokenPolicy.DEFAULT, AuditListener.NONE);
    }

    /** Keeps each user's tokens as XStream's XML, and reads a user's file once, when first asked for. */
    private static final class XmlRepository implements TokenRepository {

        private final XStream xstream = new XStream();
        private final Map<String, String> files;
        private final Map<String, UserTokens> loaded = new HashMap<>();

        XmlRepository(Map<String, String> files) {
            this.files = files;
            xstream.allowTypesByWildcard(new String[] {UserTokens.class.getPackageName() + ".*"});
        }

        @Override
        public synchronized UserTokens find(String userId) {
            UserTokens tokens = loaded.get(userId);
            String xml = files.get(userId);
            if (tokens == null && xml != null) {
                tokens = (UserTokens) xstream.fromXML(xml);
                loaded.put(userId, tokens);
            }
            return tokens;
        }

        @Override
        public synchronized UserTokens findOrCreate(String userId) {
            UserTokens tokens = find(userId);
            return tokens != null ? tokens : loaded.computeIfAbsent(userId, u -> new UserTokens());
        }

        @Override
        public synchronized Collection<String> userIds() {
            Set<String> users = new HashSet<>(files.keySet());
            users.addAll(loaded.keySet());
            return users;
        }

        @Override
        public synchronized void save(String userId, UserTokens tokens) {
            files.put(userId, xstream.toXML(tokens));
        }
    }
}
