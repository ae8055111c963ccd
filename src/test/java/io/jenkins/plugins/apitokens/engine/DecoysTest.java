package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DecoysTest {

    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final MemoryStore store = new MemoryStore();
    private final RecordingAuditListener audit = new RecordingAuditListener();
    private final List<DecoyAlert> alerts = new CopyOnWriteArrayList<>();
    /** The alerts' executor: runs nothing until the test says so, as a background thread would later. */
    private final List<Runnable> pending = new ArrayList<>();

    private final Decoys decoys = newDecoys();

    private Decoys newDecoys() {
        return new Decoys(store, clock, audit, alerts::add, pending::add);
    }

    private void runPending() {
        List<Runnable> now = new ArrayList<>(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }

    private static DecoyUse curl(String userAgent) {
        return DecoyUse.request("198.51.100.7", "GET", "/whoAmI/api/json", "deploy", userAgent);
    }

    @Test
    void aDecoyLooksLikeATokenAndOnlyItsHashIsKept() {
        NewDecoy made = decoys.create("netrc on agent-3", "~/.netrc of agent-3", "admin");

        assertTrue(TokenFormat.isWellFormed(made.value()));
        assertEquals(List.of(made.decoy()), decoys.list());
        assertEquals(List.of(made.decoy()), decoys.listCreatedBy("admin"));
        assertTrue(decoys.listCreatedBy("alice").isEmpty());
        assertEquals("~/.netrc of agent-3", made.decoy().plantedAt());
        assertEquals(1, store.saved.size());
        assertEquals(TokenHash.hexOf(made.value()), store.saved.get(0).sha256());
        assertFalse(store.saved.toString().contains(made.value()));
        assertFalse(made.toString().contains(made.value()));
        assertEquals(List.of(AuditEventType.DECOY_CREATED), audit.types());
        assertNull(audit.events.get(0).userId(), "a decoy is no user's token");
    }

    @Test
    void usingTheValueRaisesOneAlertPerUseOffTheCallersThreadWithWhatIsKnown() {
        NewDecoy made = decoys.create("netrc", "", "admin");
        audit.events.clear();

        clock.advance(Duration.ofMinutes(5));
        assertTrue(decoys.trip(made.value(), curl("curl/8.5.0")));
        assertTrue(alerts.isEmpty(), "nothing is told on the request's thread");
        assertTrue(audit.events.isEmpty());
        runPending();

        assertEquals(1, alerts.size());
        DecoyAlert alert = alerts.get(0);
        assertEquals(START.plus(Duration.ofMinutes(5)), alert.at());
        assertEquals("198.51.100.7", alert.use().source());
        assertEquals("GET", alert.use().method());
        assertEquals("/whoAmI/api/json", alert.use().path());
        assertEquals("deploy", alert.use().userName());
        assertEquals("curl/8.5.0", alert.use().userAgent());
        assertEquals(1, alert.decoy().trips());

        AuditEvent event = audit.events.get(0);
        assertEquals(AuditEventType.DECOY_TRIPPED, event.type());
        assertEquals(made.decoy().id(), event.tokenId());
        assertEquals(Decoys.UNKNOWN_CLIENT, event.actor());
        assertEquals("GET /whoAmI/api/json from 198.51.100.7 as 'deploy', agent 'curl/8.5.0'", event.detail());

        decoys.trip(made.value(), curl("curl/8.5.0"));
        runPending();
        assertEquals(2, alerts.size());
        assertEquals(2, decoys.list().get(0).trips());
        assertEquals(START.plus(Duration.ofMinutes(5)), decoys.list().get(0).lastTripAt());
    }

    @Test
    void onlyTheDecoysOwnValueTripsIt() {
        NewDecoy made = decoys.create("netrc", "", "admin");
        String sameIdOtherSecret = new TokenFormat().newValue(made.decoy().id());
        String otherValue = new TokenFormat().newValue(new TokenFormat().newId());

        assertFalse(decoys.trip(sameIdOtherSecret, curl(null)));
        assertFalse(decoys.trip(otherValue, curl(null)));
        assertFalse(decoys.trip("not a token", curl(null)));
        runPending();
        assertTrue(alerts.isEmpty());
        assertEquals(0, decoys.list().get(0).trips());
    }

    @Test
    void whatTheClientSentCannotBreakALineOrAQuote() {
        NewDecoy made = decoys.create("netrc", "", "admin");
        decoys.trip(
                made.value(),
                DecoyUse.request("10.0.0.1", "GET", "/x\n2026 API token CREATED", "o'brien\u202e", "a".repeat(1000)));
        runPending();

        DecoyUse use = alerts.get(0).use();
        assertEquals("/x?2026 API token CREATED", use.path());
        assertEquals("o?brien?", use.userName());
        assertEquals(
                DecoyUse.MAX_TEXT,
                use.userAgent().codePointCount(0, use.userAgent().length()));
        assertFalse(audit.events.get(audit.events.size() - 1).detail().contains("\n"));
    }

    @Test
    void aLeakReportTripsEveryDecoyInItAndNamesTheReporter() {
        NewDecoy one = decoys.create("one", "", "admin");
        NewDecoy two = decoys.create("two", "", "admin");
        decoys.create("three", "", "admin");

        LeakReport report = LeakReport.parse("[{\"Secret\":\"" + one.value() + "\"},{\"Secret\":\"x\"},{\"Secret\":\""
                + two.value() + "\"},{\"Secret\":\"" + one.value() + "\"}]");
        assertEquals(2, decoys.tripReported(report, "203.0.113.9"), "each decoy once per report");
        runPending();

        assertEquals(2, alerts.size());
        assertEquals(DecoyUse.Via.LEAK_REPORT, alerts.get(0).use().via());
        AuditEvent event = audit.events.get(audit.events.size() - 1);
        assertEquals(AuditEvent.LEAK_REPORT, event.actor());
        assertEquals("found in a leak report from 203.0.113.9", event.detail());
    }

    @Test
    void namesArePerDecoyUniqueAndPlacesOneLine() {
        decoys.create("Netrc", "", "admin");
        assertThrows(TokenRuleException.class, () -> decoys.create("NETRC", "", "admin"));
        assertThrows(TokenRuleException.class, () -> decoys.create(" ", "", "admin"));
        assertThrows(TokenRuleException.class, () -> decoys.create("b", "x".repeat(201), "admin"));
        TokenRuleException twoLines =
                assertThrows(TokenRuleException.class, () -> decoys.create("b", "line\nother", "admin"));
        assertTrue(twoLines.getMessage().contains("one line"), twoLines.getMessage());
        assertEquals(1, decoys.count());
    }

    @Test
    void aRemovedDecoyIsAnUnknownValueAndAnUnknownIdIsRefused() {
        NewDecoy made = decoys.create("netrc", "", "admin");
        decoys.remove(made.decoy().id(), "admin");

        assertFalse(decoys.trip(made.value(), curl(null)));
        assertTrue(decoys.list().isEmpty());
        assertTrue(store.saved.isEmpty());
        assertEquals(
                AuditEventType.DECOY_REMOVED,
                audit.events.get(audit.events.size() - 1).type());
        assertThrows(
                TokenNotFoundException.class, () -> decoys.remove(made.decoy().id(), "admin"));
        assertThrows(TokenNotFoundException.class, () -> decoys.remove("../../x", "admin"));

        NewDecoy alices = decoys.create("alice's", "", "alice");
        assertThrows(
                TokenNotFoundException.class,
                () -> decoys.removeOwn(alices.decoy().id(), "bob"),
                "another's decoy is not found");
        assertEquals(1, decoys.count());
        assertEquals(alices.decoy(), decoys.removeOwn(alices.decoy().id(), "alice"));
        assertEquals(0, decoys.count());
    }

    @Test
    void aDecoyThatCannotBeSavedIsNotMade() {
        store.failing = true;
        assertThrows(TokenStorageException.class, () -> decoys.create("netrc", "", "admin"));
        assertTrue(decoys.list().isEmpty());
        assertTrue(audit.events.isEmpty());
    }

    @Test
    void usesAreWrittenBehindAndSurviveARestart() {
        NewDecoy made = decoys.create("netrc", "", "admin");
        int writes = store.writes;

        decoys.trip(made.value(), curl(null));
        decoys.trip(made.value(), curl(null));
        assertEquals(writes, store.writes, "no write per use");
        assertTrue(decoys.flush());
        assertFalse(decoys.flush(), "nothing new to write");
        assertEquals(writes + 1, store.writes);

        Decoys restarted = newDecoys();
        assertEquals(2, restarted.list().get(0).trips());
        assertEquals("deploy", restarted.list().get(0).lastTrip().userName());
        assertTrue(restarted.trip(made.value(), curl(null)), "still a tripwire after a restart");
    }

    @Test
    void aDeclaredDecoyHasNoValueUntilOneIsMadeAndShownOnce() {
        DecoyInfo declared = decoys.declare("repo config", "infra/ci.yaml", "SYSTEM");
        assertTrue(declared.awaitingValue());
        assertNull(store.saved.get(0).sha256(), "no value, so no hash");
        assertEquals(declared, decoys.declare("REPO CONFIG", "elsewhere", "SYSTEM"), "declaring again changes nothing");
        assertEquals(1, decoys.count());

        NewDecoy issued = decoys.issueValue(declared.id(), "admin");
        assertEquals(declared.id(), issued.decoy().id());
        assertFalse(issued.decoy().awaitingValue());
        assertTrue(TokenFormat.isWellFormed(issued.value()));
        assertEquals(TokenHash.hexOf(issued.value()), store.saved.get(0).sha256());
        TokenRuleException again =
                assertThrows(TokenRuleException.class, () -> decoys.issueValue(declared.id(), "admin"));
        assertTrue(again.getMessage().contains("never shown twice"), again.getMessage());
        assertTrue(decoys.trip(issued.value(), curl(null)), "a decoy like any other from then on");
        assertThrows(TokenNotFoundException.class, () -> decoys.issueValue("nope", "admin"));
        assertThrows(TokenRuleException.class, () -> Decoys.check("x", "two\nlines"));

        Decoys restarted = newDecoys();
        assertFalse(restarted.list().get(0).awaitingValue());
        assertTrue(restarted.trip(issued.value(), curl(null)));
    }

    /** Keeps what was saved, as the file would; can be made to fail. */
    private static final class MemoryStore implements DecoyStore {
        List<StoredDecoy> saved = List.of();
        boolean failing;
        int writes;

        @Override
        public List<StoredDecoy> load() {
            return saved;
        }

        @Override
        public void save(List<StoredDecoy> decoys) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            writes++;
            saved = List.copyOf(decoys);
        }
    }
}
