package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeakedTokensTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTokenRepository repository = new InMemoryTokenRepository("alice", "bob");
    private final RecordingAuditListener audit = new RecordingAuditListener();
    private final List<TokenNotice> told = new CopyOnWriteArrayList<>();
    private final TokenService service =
            new TokenService(repository, clock, () -> TokenPolicy.DEFAULT, audit, told::add);

    /** The same value with its last character changed: same format, wrong checksum. */
    private static String withBadChecksum(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    @Test
    void aReportedValueIsRevokedWhateverTextSurroundsIt() {
        NewToken leaked = service.create("alice", TokenRequest.named("ci"), "alice");
        NewToken kept = service.create("bob", TokenRequest.named("ci"), "bob");
        String githubStyle = "[{\"token\":\"" + leaked.value() + "\",\"type\":\"jenkins_api_token\",\"url\":\"x\"}]";

        List<TokenInfo> revoked = service.revokeLeaked(githubStyle, "203.0.113.9");

        assertEquals(
                List.of(leaked.token().id()),
                revoked.stream().map(TokenInfo::id).toList());
        assertFalse(service.verify("alice", leaked.value(), "x").isAccepted());
        assertTrue(service.verify("bob", kept.value(), "x").isAccepted());
        AuditEvent event = audit.events.stream()
                .filter(e -> e.type() == AuditEventType.REVOKED)
                .findFirst()
                .orElseThrow();
        assertEquals(AuditEvent.LEAK_REPORT, event.actor());
        assertEquals(leaked.token().id(), event.tokenId());
        assertEquals("leaked; reported from 203.0.113.9", event.detail());
        assertFalse(event.toString().contains(leaked.value()), "the audit never holds the value");

        assertTrue(told.isEmpty(), "the owner is told by the next delivery, not on the reporter's request");
        service.deliverUrgentNotices();
        service.deliverUrgentNotices();
        assertEquals(1, told.size(), "told once");
        assertEquals(NoticeType.LEAK_REVOKED, told.get(0).type());
        assertEquals("ci", told.get(0).token().name());
        assertEquals("203.0.113.9", told.get(0).place());
    }

    @Test
    void aValueWithABadChecksumIsNotEvenLookedUp() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        int readsBefore = repository.reads.get();
        assertTrue(service.revokeLeaked(withBadChecksum(token.value()), "x").isEmpty());
        assertTrue(service.revokeLeaked("no token here", "x").isEmpty());
        assertEquals(readsBefore, repository.reads.get(), "no user's tokens were read");
        assertTrue(service.verify("alice", token.value(), "x").isAccepted());
    }

    @Test
    void aWellFormedValueOfNoTokenRevokesNothingAndManyAreTakenAtOnce() {
        NewToken one = service.create("alice", TokenRequest.named("one"), "alice");
        NewToken two = service.create("bob", TokenRequest.named("two"), "bob");
        String unknown = MadeUpTokens.value();
        List<TokenInfo> revoked = service.revokeLeaked(unknown + "\n" + one.value() + " " + two.value(), "x");
        assertEquals(2, revoked.size());
        assertTrue(service.revokeLeaked(one.value(), "x").isEmpty(), "a second report finds it gone");
    }

    @Test
    void valuesBeyondTheHundredthAreRevokedToo() {
        NewToken first = service.create("alice", TokenRequest.named("first"), "alice");
        NewToken last = service.create("bob", TokenRequest.named("last"), "bob");
        StringBuilder report = new StringBuilder(first.value()).append('\n');
        for (int i = 0; i < 500; i++) {
            report.append(MadeUpTokens.value()).append('\n');
        }
        report.append(last.value());

        LeakReport parsed = LeakReport.parse(report.toString());
        assertEquals(502, parsed.valuesFound());
        List<TokenInfo> revoked = service.revokeLeaked(parsed, "x");

        assertEquals(
                Set.of(first.token().id(), last.token().id()),
                revoked.stream().map(TokenInfo::id).collect(Collectors.toSet()));
        assertFalse(service.verify("bob", last.value(), "x").isAccepted());
    }

    @Test
    void aThousandDistinctValuesAreTakenAndTheThousandAndFirstRefusesTheWholeReport() {
        NewToken live = service.create("alice", TokenRequest.named("ci"), "alice");
        StringBuilder report = new StringBuilder(live.value());
        for (int i = 1; i < LeakReport.MAX_VALUES; i++) {
            report.append(' ').append(MadeUpTokens.value());
        }
        String thousand = report.toString();
        String thousandAndOne = thousand + ' ' + MadeUpTokens.value();

        LeakReport.OverLimitException refused =
                assertThrows(LeakReport.OverLimitException.class, () -> LeakReport.parse(thousandAndOne));
        assertEquals(LeakReport.Limit.VALUES, refused.limit());
        assertTrue(refused.getMessage().contains("1000"), refused.getMessage());
        assertThrows(LeakReport.OverLimitException.class, () -> service.revokeLeaked(thousandAndOne, "x"));
        assertTrue(service.verify("alice", live.value(), "x").isAccepted(), "nothing revoked");
        assertTrue(audit.events.stream().noneMatch(e -> e.type() == AuditEventType.REVOKED));

        LeakReport taken = LeakReport.parse(thousand);
        assertEquals(LeakReport.MAX_VALUES, taken.valuesFound());
        assertEquals(1, service.revokeLeaked(taken, "x").size());
        assertFalse(service.verify("alice", live.value(), "x").isAccepted());
    }

    @Test
    void aValueNamedTwiceIsCountedOnceAndLookAlikesAreNotCounted() {
        String a = MadeUpTokens.value();
        String b = MadeUpTokens.value();
        LeakReport report = LeakReport.parse(a + "\n" + b + "\n" + a + " " + withBadChecksum(b) + " " + a);
        assertEquals(2, report.valuesFound());
        assertEquals(List.of(a, b), List.copyOf(report.values()));
        assertEquals(0, LeakReport.parse("nothing here").valuesFound());
        assertEquals(0, LeakReport.parse(null).valuesFound());
    }

    @Test
    void aThousandDuplicatesOfFewValuesAreNoThousandValues() {
        String a = MadeUpTokens.value();
        String many = (a + "\n").repeat(LeakReport.MAX_VALUES + 1);
        assertEquals(1, LeakReport.parse(many).valuesFound());
    }

    @Test
    void aTextLongerThanTheSizeLimitIsRefused() {
        String padding = "x".repeat(LeakReport.MAX_BYTES - TokenFormat.LENGTH);
        String value = MadeUpTokens.value();
        assertEquals(1, LeakReport.parse(padding + value).valuesFound(), "exactly the limit");
        LeakReport.OverLimitException refused =
                assertThrows(LeakReport.OverLimitException.class, () -> LeakReport.parse(padding + value + "x"));
        assertEquals(LeakReport.Limit.SIZE, refused.limit());
    }

    @Test
    void aLiveValueIsFoundWhetherItsOwnerHasMoreTokensThanTheReportHasValuesOrFewer() {
        List<NewToken> alices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alices.add(service.create("alice", TokenRequest.named("t" + i), "alice"));
        }
        NewToken bobs = service.create("bob", TokenRequest.named("ci"), "bob");

        // Fewer values than alice has tokens: her index is asked; more than bob has: his tokens are read.
        List<TokenInfo> few = service.revokeLeaked(alices.get(2).value() + " " + bobs.value(), "x");
        assertEquals(
                Set.of(alices.get(2).token().id(), bobs.token().id()),
                few.stream().map(TokenInfo::id).collect(Collectors.toSet()));

        // More values than alice has tokens left: her tokens are read.
        StringBuilder many = new StringBuilder(alices.get(4).value());
        for (int i = 0; i < 10; i++) {
            many.append(' ').append(MadeUpTokens.value());
        }
        List<TokenInfo> revoked = service.revokeLeaked(many.toString(), "x");
        assertEquals(
                List.of(alices.get(4).token().id()),
                revoked.stream().map(TokenInfo::id).toList());
        assertTrue(service.verify("alice", alices.get(0).value(), "x").isAccepted(), "the others stay");
    }

    @Test
    void aMadeUpValueSharingALiveTokensIdRevokesNothing() {
        NewToken live = service.create("alice", TokenRequest.named("ci"), "alice");
        String sameId = new TokenFormat().newValue(live.token().id());
        assertEquals(1, LeakReport.parse(sameId).valuesFound());
        assertTrue(service.revokeLeaked(sameId, "x").isEmpty());
        assertTrue(service.verify("alice", live.value(), "x").isAccepted());
        assertEquals(1, service.revokeLeaked(sameId + " " + live.value(), "x").size(), "the real one beside it does");
    }
}
