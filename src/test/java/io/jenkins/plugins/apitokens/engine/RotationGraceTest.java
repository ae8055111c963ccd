package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rotation with a grace period: the old value keeps working for a while, listed as retiring, then ends. */
class RotationGraceTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTokenRepository repository = new InMemoryTokenRepository("alice");
    private final AtomicReference<TokenPolicy> policy = new AtomicReference<>(
            TokenPolicy.builder().maxRotationGrace(Duration.ofDays(1)).build());
    private final List<TokenNotice> sent = new CopyOnWriteArrayList<>();
    private final TokenService service =
            new TokenService(repository, clock, policy::get, new RecordingAuditListener(), sent::add);

    private boolean works(NewToken token) {
        return service.verify("alice", token.value(), "10.0.0.1").isAccepted();
    }

    @Test
    void bothValuesWorkDuringTheGracePeriodAndTheOldOneEndsAfterIt() {
        NewToken old = service.create("alice", TokenRequest.named("deploy"), "alice");
        NewToken rotated = service.rotate("alice", old.token().id(), "alice", Duration.ofHours(12));
        assertTrue(works(old), "the old value still works");
        assertTrue(works(rotated));

        TokenInfo retiring = service.get("alice", old.token().id());
        assertTrue(retiring.isRetiring());
        assertEquals(rotated.token().id(), retiring.replacedBy());
        assertEquals(START.plus(Duration.ofHours(12)), retiring.expires());
        assertEquals("deploy", rotated.token().name(), "the successor keeps the name");
        assertEquals(0, service.countExpiringOrExpired("alice"), "retiring by choice: not counted");
        assertThrows(
                TokenRuleException.class,
                () -> service.create("alice", TokenRequest.named("deploy"), "alice"),
                "the name is the successor's");

        clock.advance(Duration.ofHours(12));
        assertFalse(works(old), "after the grace period: refused");
        assertTrue(works(rotated));
        List<TokenInfo> removed = service.sweep(run -> true);
        assertEquals(
                List.of(old.token().id()), removed.stream().map(TokenInfo::id).toList());
        assertEquals(1, service.list("alice").size());
    }

    @Test
    void theGracePeriodIsThePolicysToAllow() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        TokenRuleException tooLong = assertThrows(
                TokenRuleException.class,
                () -> service.rotate("alice", token.token().id(), "alice", Duration.ofDays(2)));
        assertEquals("The old value of a rotated token may keep working at most 1 day.", tooLong.getMessage());
        policy.set(TokenPolicy.DEFAULT);
        assertThrows(
                TokenRuleException.class,
                () -> service.rotate("alice", token.token().id(), "alice", Duration.ofHours(1)));
        assertTrue(works(token), "a refused rotation changes nothing");
        NewToken rotated = service.rotate("alice", token.token().id(), "alice", null);
        assertFalse(works(token), "without a grace period the old value ends at once");
        assertTrue(works(rotated));
    }

    @Test
    void aRetiringTokenIsNotRotatedOrRenamedAgainButCanBeRevokedAndDoesNotCountTwice() {
        policy.set(TokenPolicy.builder()
                .maxRotationGrace(Duration.ofDays(1))
                .maxTokensPerUser(1)
                .build());
        NewToken old = service.create("alice", TokenRequest.named("ci"), "alice");
        service.rotate("alice", old.token().id(), "alice", Duration.ofHours(1));
        assertThrows(
                TokenRuleException.class,
                () -> service.rotate("alice", old.token().id(), "alice", null));
        assertThrows(
                TokenRuleException.class,
                () -> service.rename("alice", old.token().id(), "other", "alice"));
        assertThrows(
                TokenRuleException.class,
                () -> service.create("alice", TokenRequest.named("second"), "alice"),
                "one token counted, the successor: the limit is reached");
        service.revoke("alice", old.token().id(), "alice");
        assertFalse(works(old), "revoking ends the grace period at once");
    }

    @Test
    void aRotationThatCannotBeSavedLeavesTheOldTokenAsItWas() {
        NewToken old = service.create("alice", TokenRequest.named("ci"), "alice");
        repository.failSaves = true;
        assertThrows(
                TokenStorageException.class,
                () -> service.rotate("alice", old.token().id(), "alice", Duration.ofHours(1)));
        repository.failSaves = false;
        TokenInfo after = service.get("alice", old.token().id());
        assertFalse(after.isRetiring());
        assertNull(after.expires());
        assertEquals(1, service.list("alice").size());
        assertTrue(works(old));
        service.create("alice", TokenRequest.named("other"), "alice");
    }

    @Test
    void anOwnerStillUsingTheOldValueAnHourBeforeItsEndIsToldOnce() {
        NewToken quiet = service.create("alice", TokenRequest.named("quiet"), "alice");
        NewToken busy = service.create("alice", TokenRequest.named("busy"), "alice");
        service.rotate("alice", quiet.token().id(), "alice", Duration.ofHours(10));
        service.rotate("alice", busy.token().id(), "alice", Duration.ofHours(10));
        clock.advance(Duration.ofHours(8));
        works(busy);
        service.sweep(run -> true);
        assertTrue(sent.isEmpty(), "two hours left: not yet");
        clock.advance(Duration.ofHours(1));
        service.sweep(run -> true);
        service.sweep(run -> true);
        assertEquals(1, sent.size(), String.valueOf(sent));
        assertEquals(NoticeType.RETIRING_IN_USE, sent.get(0).type());
        assertEquals(busy.token().id(), sent.get(0).token().id());
    }

    @Test
    void gracePeriodsAreReadAsHoursOrDays() {
        assertEquals(Duration.ofHours(12), GracePeriod.parse("12h"));
        assertEquals(Duration.ofDays(2), GracePeriod.parse(" 2D "));
        assertNull(GracePeriod.parse("none"));
        assertNull(GracePeriod.parse(""));
        assertNull(GracePeriod.parse("0"));
        assertThrows(TokenRuleException.class, () -> GracePeriod.parse("a while"));
        assertThrows(TokenRuleException.class, () -> GracePeriod.parse("-1h"));
        assertEquals("36h", GracePeriod.format(Duration.ofHours(36)));
        assertEquals("2d", GracePeriod.format(Duration.ofDays(2)));
    }
}
