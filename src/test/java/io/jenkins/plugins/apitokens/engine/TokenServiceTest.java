package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTokenRepository repository = new InMemoryTokenRepository("alice", "bob");
    private final RecordingAuditListener audit = new RecordingAuditListener();
    private final AtomicReference<TokenPolicy> policy = new AtomicReference<>(TokenPolicy.DEFAULT);
    private final TokenService service = new TokenService(repository, clock, policy::get, audit);

    private NewToken create(String user, String name) {
        return service.create(user, TokenRequest.named(name), user);
    }

    @Test
    void createdTokenAuthenticatesItsUser() {
        NewToken token = create("alice", "deploy");
        Verification result = service.verify("alice", token.value(), "10.0.0.1");
        assertTrue(result.isAccepted());
        assertEquals(token.token().id(), result.token().id());
        assertEquals(Scope.FULL, result.scope());
    }

    @Test
    void anAcceptedCheckTellsTheScopeAndDescribesTheTokenWithThisUse() {
        NewToken token =
                service.create("alice", new TokenRequest("reader", ExpiryChoice.DEFAULT, Scope.READ_ONLY), "alice");
        Verification result = service.verify("alice", token.value(), "10.0.0.7");
        assertEquals(Scope.READ_ONLY, result.scope());
        assertEquals(1, result.token().useCount());
        assertEquals("10.0.0.7", result.token().lastSource());
        assertFalse(result.toString().contains(token.value()), result.toString());

        Verification refused = service.verify("alice", token.value() + "x", "10.0.0.7");
        assertNull(refused.scope());
        assertNull(refused.token());
    }

    @Test
    void listingShowsTheTokenWithoutItsValue() {
        NewToken token = create("alice", "deploy");
        List<TokenInfo> listed = service.list("alice");
        assertEquals(1, listed.size());
        assertEquals("deploy", listed.get(0).name());
        assertFalse(listed.get(0).toString().contains(token.value()));
    }

    @Test
    void newTokenToStringMasksTheValue() {
        NewToken token = create("alice", "deploy");
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void anotherUsersTokenIsUnknown() {
        NewToken token = create("alice", "deploy");
        assertEquals(
                Rejection.UNKNOWN, service.verify("bob", token.value(), "ip").rejection());
    }

    @Test
    void userWithoutTokensIsUnknown() {
        NewToken token = create("alice", "deploy");
        assertEquals(
                Rejection.UNKNOWN, service.verify("carol", token.value(), "ip").rejection());
    }

    @Test
    void malformedValueIsRejectedBeforeLookup() {
        create("alice", "deploy");
        assertEquals(
                Rejection.MALFORMED,
                service.verify("alice", "not-a-token", "ip").rejection());
    }

    @Test
    void wellFormedValueWithTheRightIdButWrongSecretIsUnknown() {
        NewToken token = create("alice", "deploy");
        TokenFormat format = new TokenFormat();
        String forged = format.newValue(token.token().id());
        assertEquals(Rejection.UNKNOWN, service.verify("alice", forged, "ip").rejection());
    }

    @Test
    void revokedTokenIsRefusedAsRevoked() {
        NewToken token = create("alice", "deploy");
        service.revoke("alice", token.token().id(), "alice");
        assertEquals(
                Rejection.REVOKED, service.verify("alice", token.value(), "ip").rejection());
        assertTrue(service.list("alice").isEmpty());
    }

    @Test
    void tokenWorksOneSecondBeforeExpiry() {
        NewToken token = service.create("alice", new TokenRequest("ci", START.plusSeconds(60), null), "alice");
        clock.set(START.plusSeconds(59));
        assertTrue(service.verify("alice", token.value(), "ip").isAccepted());
    }

    @Test
    void tokenIsExpiredAtTheExactExpiryInstant() {
        NewToken token = service.create("alice", new TokenRequest("ci", START.plusSeconds(60), null), "alice");
        clock.set(START.plusSeconds(60));
        assertEquals(
                Rejection.EXPIRED, service.verify("alice", token.value(), "ip").rejection());
    }

    @Test
    void tokenIsExpiredOneSecondAfterExpiry() {
        NewToken token = service.create("alice", new TokenRequest("ci", START.plusSeconds(60), null), "alice");
        clock.set(START.plusSeconds(61));
        assertEquals(
                Rejection.EXPIRED, service.verify("alice", token.value(), "ip").rejection());
    }

    @Test
    void duplicateNameDifferingInCaseIsRefused() {
        create("alice", "Deploy");
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> create("alice", "dEPLOY "));
        assertEquals("You already have a token named 'dEPLOY'; choose another name.", e.getMessage());
    }

    @Test
    void differentUsersMayUseTheSameName() {
        create("alice", "deploy");
        create("bob", "deploy");
        assertEquals(1, service.list("bob").size());
    }

    @Test
    void renameKeepsTheValueWorking() {
        NewToken token = create("alice", "deploy");
        service.rename("alice", token.token().id(), "release", "alice");
        assertEquals("release", service.list("alice").get(0).name());
        assertTrue(service.verify("alice", token.value(), "ip").isAccepted());
    }

    @Test
    void renameToTheOwnNameInAnotherCaseIsAllowed() {
        NewToken token = create("alice", "deploy");
        assertEquals(
                "Deploy",
                service.rename("alice", token.token().id(), "Deploy", "alice").name());
    }

    @Test
    void renameOntoAnotherTokensNameIsRefused() {
        create("alice", "deploy");
        NewToken other = create("alice", "release");
        assertThrows(
                TokenRuleException.class,
                () -> service.rename("alice", other.token().id(), "DEPLOY", "alice"));
        assertEquals("release", service.get("alice", other.token().id()).name());
    }

    @Test
    void renamingAnUnknownTokenSaysSo() {
        create("alice", "deploy");
        assertThrows(TokenNotFoundException.class, () -> service.rename("alice", "nope", "x", "alice"));
    }

    @Test
    void rotationGivesANewValueAndRetiresTheOld() {
        NewToken old = service.create(
                "alice", new TokenRequest("deploy", START.plus(Duration.ofDays(30)), Scope.READ_ONLY), "alice");
        NewToken rotated = service.rotate("alice", old.token().id(), "alice");
        assertNotEquals(old.value(), rotated.value());
        assertEquals(
                Rejection.REVOKED, service.verify("alice", old.value(), "ip").rejection());
        assertTrue(service.verify("alice", rotated.value(), "ip").isAccepted());
        assertEquals("deploy", rotated.token().name());
        assertEquals(Scope.READ_ONLY, rotated.token().scope());
        assertEquals(old.token().expires(), rotated.token().expires());
        assertEquals(1, service.list("alice").size());
    }

    @Test
    void expiredTokenCannotBeRotated() {
        NewToken token = service.create("alice", new TokenRequest("ci", START.plusSeconds(60), null), "alice");
        clock.advance(Duration.ofMinutes(2));
        TokenRuleException e = assertThrows(
                TokenRuleException.class,
                () -> service.rotate("alice", token.token().id(), "alice"));
        assertEquals("Token 'ci' has expired; create a new one instead.", e.getMessage());
    }

    @Test
    void revokingAnotherUsersTokenIdFindsNothing() {
        NewToken token = create("alice", "deploy");
        create("bob", "other");
        assertThrows(
                TokenNotFoundException.class,
                () -> service.revoke("bob", token.token().id(), "bob"));
        assertTrue(service.verify("alice", token.value(), "ip").isAccepted());
    }

    @Test
    void policyViolationCreatesNothing() {
        policy.set(TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build());
        assertThrows(TokenRuleException.class, () -> create("alice", "forever"));
        assertTrue(service.list("alice").isEmpty());
        assertTrue(audit.events.isEmpty());
    }

    @Test
    void tokenLimitCountsOnlyUserTokens() {
        policy.set(TokenPolicy.builder().maxTokensPerUser(1).build());
        service.createForBuild("alice", "build job #1", "job#1", Scope.READ_ONLY, Reach.EVERYWHERE, "alice");
        create("alice", "first");
        assertThrows(TokenRuleException.class, () -> create("alice", "second"));
    }

    @Test
    void buildTokenOfAScopeThePolicyKeepsFromBuildsIsRefusedAndNothingIsStored() {
        policy.set(
                TokenPolicy.builder().buildTokenScopes(Set.of(Scope.READ_ONLY)).build());
        assertThrows(
                TokenRuleException.class,
                () -> service.createForBuild("alice", "build job #1", "job#1", Scope.FULL, Reach.EVERYWHERE, "alice"));
        assertTrue(service.list("alice").isEmpty());
        service.createForBuild("alice", "build job #1", "job#1", Scope.READ_ONLY, Reach.EVERYWHERE, "alice");
        assertEquals(1, service.list("alice").size());
    }

    @Test
    void failedSaveOnCreateLeavesNoToken() {
        create("alice", "kept");
        repository.failSaves = true;
        assertThrows(TokenStorageException.class, () -> create("alice", "lost"));
        repository.failSaves = false;
        assertEquals(
                List.of("kept"),
                service.list("alice").stream().map(TokenInfo::name).toList());
    }

    @Test
    void failedSaveOnRevokeKeepsTheToken() {
        NewToken token = create("alice", "kept");
        repository.failSaves = true;
        assertThrows(
                TokenStorageException.class,
                () -> service.revoke("alice", token.token().id(), "alice"));
        repository.failSaves = false;
        assertTrue(service.verify("alice", token.value(), "ip").isAccepted());
    }

    @Test
    void failedSaveOnRotateKeepsTheOldValueWorking() {
        NewToken token = create("alice", "kept");
        repository.failSaves = true;
        assertThrows(
                TokenStorageException.class,
                () -> service.rotate("alice", token.token().id(), "alice"));
        repository.failSaves = false;
        assertTrue(service.verify("alice", token.value(), "ip").isAccepted());
        assertEquals(1, service.list("alice").size());
    }

    @Test
    void failedSaveOnRenameKeepsTheOldName() {
        NewToken token = create("alice", "kept");
        repository.failSaves = true;
        assertThrows(
                TokenStorageException.class,
                () -> service.rename("alice", token.token().id(), "new", "x"));
        repository.failSaves = false;
        assertEquals("kept", service.get("alice", token.token().id()).name());
        create("alice", "new");
    }

    @Test
    void unknownUserCannotGetTokens() {
        assertThrows(TokenRuleException.class, () -> create("mallory", "x"));
    }

    @Test
    void buildTokensAreNamedAfterTheirBuildAndKeptApart() {
        NewToken first =
                service.createForBuild("alice", "build job #1", "job#1", Scope.READ_ONLY, Reach.EVERYWHERE, "alice");
        NewToken second =
                service.createForBuild("alice", "build job #1", "job#1", Scope.READ_ONLY, Reach.EVERYWHERE, "alice");
        assertEquals(TokenOrigin.BUILD, first.token().origin());
        assertEquals("build job #1", first.token().name());
        assertEquals("build job #1 (2)", second.token().name());
        assertEquals(START.plus(Duration.ofDays(1)), first.token().expires());
    }

    @Test
    void auditTrailNamesEachChangeWithoutTheValue() {
        NewToken token = create("alice", "deploy");
        service.rename("alice", token.token().id(), "release", "admin");
        NewToken rotated = service.rotate("alice", token.token().id(), "alice");
        service.revoke("alice", rotated.token().id(), "admin");
        assertEquals(
                List.of(AuditEventType.CREATED, AuditEventType.RENAMED, AuditEventType.ROTATED, AuditEventType.REVOKED),
                audit.types());
        assertEquals("admin", audit.events.get(1).actor());
        assertEquals("was 'deploy'", audit.events.get(1).detail());
        for (AuditEvent event : audit.events) {
            assertFalse(event.toString().contains(token.value()));
            assertFalse(event.toString().contains(rotated.value()));
        }
    }

    @Test
    void bulkRevocationSavesEachUserOnceAndReportsTheCount() {
        NewToken a1 = create("alice", "a1");
        NewToken a2 = create("alice", "a2");
        NewToken b1 = create("bob", "b1");
        int savesBefore = repository.savesOf("alice");
        List<TokenInfo> revoked = service.revokeAll(
                List.of(
                        new TokenRef("alice", a1.token().id()),
                        new TokenRef("alice", a2.token().id()),
                        new TokenRef("bob", b1.token().id()),
                        new TokenRef("bob", "gone")),
                "admin");
        assertEquals(3, revoked.size());
        assertEquals(savesBefore + 1, repository.savesOf("alice"));
        assertEquals(
                AuditEventType.BULK_REVOKED,
                audit.events.get(audit.events.size() - 1).type());
        assertEquals(
                "3 tokens revoked", audit.events.get(audit.events.size() - 1).detail());
    }

    @Test
    void revocationsOfCoresTokensAreAnnouncedButThePluginsOwnAreNotAnnouncedTwice() {
        TokenInfo legacy = new TokenInfo(
                "carol",
                "0b6f-uuid",
                "legacy",
                Scope.FULL,
                Reach.EVERYWHERE,
                TokenOrigin.LEGACY,
                null,
                TokenInfo.UNKNOWN_CREATION,
                null,
                3,
                null,
                null,
                null,
                null,
                java.util.List.of(),
                null);
        service.announceRevoked(legacy, "admin");
        AuditEvent event = audit.events.get(audit.events.size() - 1);
        assertEquals(AuditEventType.REVOKED, event.type());
        assertEquals("carol", event.userId());
        assertEquals("admin", event.actor());
        assertEquals("legacy token", event.detail());
        NewToken ours = create("alice", "ours");
        assertThrows(IllegalArgumentException.class, () -> service.announceRevoked(ours.token(), "admin"));
    }

    @Test
    void ageBandFollowsTheClock() {
        create("alice", "deploy");
        clock.advance(Duration.ofDays(200));
        TokenInfo info = service.list("alice").get(0);
        assertEquals(AgeBand.AGEING, info.ageBand(service.policy().getAgeThresholds(), service.now()));
    }

    @Test
    void expiresWithinSevenDaysIsReportedUntilExpiry() {
        NewToken token =
                service.create("alice", new TokenRequest("ci", START.plus(Duration.ofDays(10)), null), "alice");
        assertFalse(token.token().expiresWithin(Duration.ofDays(7), START));
        assertTrue(token.token().expiresWithin(Duration.ofDays(7), START.plus(Duration.ofDays(4))));
        assertFalse(token.token().expiresWithin(Duration.ofDays(7), START.plus(Duration.ofDays(10))));
    }

    @Test
    void neverExpiringTokenHasNoExpiry() {
        assertNull(create("alice", "forever").token().expires());
    }

    @Test
    void rotationAppliesThePolicyInForceNotTheOneTheTokenWasMadeUnder() {
        NewToken forever = create("alice", "forever");
        policy.set(TokenPolicy.builder()
                .expiryRequired(true)
                .maxLifetime(Duration.ofDays(30))
                .allowedScopes(Set.of(Scope.READ_ONLY))
                .build());
        TokenRuleException refused = assertThrows(
                TokenRuleException.class,
                () -> service.rotate("alice", forever.token().id(), "alice"));
        assertTrue(refused.getMessage().contains("no longer allowed"), refused.getMessage());
        assertTrue(service.verify("alice", forever.value(), "ip").isAccepted(), "a refused rotation keeps the token");

        policy.set(TokenPolicy.builder()
                .expiryRequired(true)
                .maxLifetime(Duration.ofDays(30))
                .build());
        NewToken rotated = service.rotate("alice", forever.token().id(), "alice");
        assertEquals(START.plus(Duration.ofDays(30)), rotated.token().expires());
        assertFalse(service.verify("alice", forever.value(), "ip").isAccepted());
    }

    @Test
    void onlyTheOwnerCreatesOrRotatesUnlessThePolicyLetsAdministratorsIssueTokens() {
        NewToken own = create("bob", "own");
        assertThrows(TokenRuleException.class, () -> service.issueFor("bob", TokenRequest.named("x"), "admin"));
        assertThrows(
                TokenRuleException.class,
                () -> service.rotateFor("bob", own.token().id(), "admin"));
        assertEquals(1, service.list("bob").size());

        policy.set(TokenPolicy.builder().tokensForOthersAllowed(true).build());
        NewToken issued = service.issueFor("bob", TokenRequest.named("service"), "admin");
        assertEquals("admin", issued.token().issuedBy());
        assertNull(own.token().issuedBy());
        AuditEvent created = audit.events.get(audit.events.size() - 1);
        assertEquals("admin", created.actor());
        assertEquals("issued by admin", created.detail());
        assertEquals(
                "admin",
                service.rotateFor("bob", own.token().id(), "admin").token().issuedBy());
    }

    @Test
    void buildTokensAreReadOnlyUnlessAskedAndAllowed() {
        NewToken token = service.createForBuild("alice", "build job #1", "job#1", null, Reach.EVERYWHERE, "SYSTEM");
        assertEquals(Scope.READ_ONLY, token.token().scope());
        assertThrows(
                TokenRuleException.class,
                () -> service.createForBuild("alice", "build job #2", "job#2", Scope.FULL, Reach.EVERYWHERE, "SYSTEM"));
    }

    @Test
    void aRunsEndRevokesItsBuildTokensAndNoOthers() {
        NewToken first = service.createForBuild("alice", "build job #1", "job#1", null, Reach.EVERYWHERE, "SYSTEM");
        NewToken again = service.createForBuild("alice", "build job #1", "job#1", null, Reach.EVERYWHERE, "SYSTEM");
        NewToken other = service.createForBuild("alice", "build job #2", "job#2", null, Reach.EVERYWHERE, "SYSTEM");
        assertEquals(2, service.revokeBuildTokens("job#1").size());
        assertFalse(service.verify("alice", first.value(), "ip").isAccepted());
        assertFalse(service.verify("alice", again.value(), "ip").isAccepted());
        assertTrue(service.verify("alice", other.value(), "ip").isAccepted());
        assertTrue(service.revokeBuildTokens("job#1").isEmpty());
    }

    @Test
    void theSweepRevokesBuildTokensWhoseRunIsNoLongerBuilding() {
        NewToken running = service.createForBuild("alice", "build job #1", "job#1", null, Reach.EVERYWHERE, "SYSTEM");
        NewToken ended = service.createForBuild("alice", "build job #2", "job#2", null, Reach.EVERYWHERE, "SYSTEM");
        NewToken own = create("alice", "own");
        List<TokenInfo> revoked = service.sweep("job#1"::equals);
        assertEquals(
                List.of(ended.token().id()), revoked.stream().map(TokenInfo::id).toList());
        assertTrue(service.verify("alice", running.value(), "ip").isAccepted());
        assertTrue(service.verify("alice", own.value(), "ip").isAccepted());
    }

    @Test
    void buildTokensCannotBeRotated() {
        NewToken token = service.createForBuild("alice", "build job #1", "job#1", null, Reach.EVERYWHERE, "SYSTEM");
        assertThrows(
                TokenRuleException.class,
                () -> service.rotate("alice", token.token().id(), "alice"));
    }

    @Test
    void aVeryLongJobNameStillGetsATokenNamedAfterItsBuild() {
        String build = "build " + "folder-with-a-long-name/".repeat(8) + "job #12";
        NewToken first = service.createForBuild("alice", build, "x#12", null, Reach.EVERYWHERE, "SYSTEM");
        NewToken second = service.createForBuild("alice", build, "x#12", null, Reach.EVERYWHERE, "SYSTEM");
        assertTrue(first.token().name().endsWith("job #12"), first.token().name());
        assertTrue(second.token().name().endsWith("job #12 (2)"), second.token().name());
    }

    @Test
    void aLimitedTokenKeepsItsReachThroughRotationAndTheAuditTrailNamesIt() {
        NewToken token = service.create(
                "alice",
                new TokenRequest("deploy", ExpiryChoice.DEFAULT, Scope.RUN_BUILDS, Reach.parse("team/app")),
                "alice");
        assertEquals(List.of("team/app"), token.token().reach().items());
        assertEquals(
                "scope run-builds, limited to team/app", audit.events.get(0).detail());
        NewToken rotated = service.rotate("alice", token.token().id(), "alice", null);
        assertEquals(token.token().reach(), rotated.token().reach());
        assertEquals(Scope.RUN_BUILDS, rotated.token().scope());
        NewToken plain = service.create("alice", TokenRequest.named("plain"), "alice");
        assertNull(audit.events.get(audit.events.size() - 1).detail(), "a full token everywhere: nothing to add");
        assertTrue(plain.token().reach().isEverywhere());
    }

    @Test
    void aPolicyRequiringLimitsRefusesEverywhereTokensAndTheirRotation() {
        NewToken everywhere = service.create("alice", TokenRequest.named("wide"), "alice");
        policy.set(TokenPolicy.builder().itemLimitRequired(true).build());
        TokenRuleException create = assertThrows(
                TokenRuleException.class, () -> service.create("alice", TokenRequest.named("wide2"), "alice"));
        assertEquals("Tokens must be limited to folders or jobs: name at least one.", create.getMessage());
        TokenRuleException rotate = assertThrows(
                TokenRuleException.class,
                () -> service.rotate("alice", everywhere.token().id(), "alice", null));
        assertTrue(rotate.getMessage().startsWith("Tokens must now be limited"), rotate.getMessage());
        assertTrue(service.verify("alice", everywhere.value(), "ip").isAccepted(), "the existing token still works");
        NewToken narrow = limited("alice", "narrow", "team");
        assertEquals(List.of("team"), narrow.token().reach().items());
    }

    @Test
    void limitedTokensFollowARenamedOrMovedItem() {
        NewToken app = limited("alice", "app", "team/app, ops");
        NewToken folder = limited("bob", "folder", "team");
        NewToken everywhere = service.create("bob", TokenRequest.named("everywhere"), "bob");

        assertEquals(2, service.followItemMove("team", "squad"));
        assertEquals(
                List.of("ops", "squad/app"),
                service.get("alice", app.token().id()).reach().items());
        assertEquals(
                List.of("squad"),
                service.get("bob", folder.token().id()).reach().items());
        assertTrue(service.get("bob", everywhere.token().id()).reach().isEverywhere());
        assertEquals(
                List.of("squad"),
                service.verify("bob", folder.value(), "ip").token().reach().items(),
                "the check sees the new place at once");

        assertEquals(1, service.followItemMove("squad/app", "archive/app"));
        assertEquals(
                List.of("archive/app", "ops"),
                service.get("alice", app.token().id()).reach().items());
        assertEquals(0, service.followItemMove("nowhere", "elsewhere"));
    }

    @Test
    void aDeletedItemIsForgottenAndATokenWithNothingLeftIsRevokedEvenWhenTheFileCannotBeWritten() {
        NewToken only = limited("alice", "only", "team/app");
        NewToken two = limited("bob", "two", "team/app, ops");
        NewToken inside = limited("bob", "inside", "team/app/main");
        NewToken unrelated = limited("bob", "other", "team/app2");
        repository.failSaves = true;
        assertThrows(TokenStorageException.class, () -> service.forgetDeletedItem("team/app"));
        repository.failSaves = false;

        assertFalse(service.verify("alice", only.value(), "ip").isAccepted(), "revoked, though not yet on disk");
        assertFalse(service.verify("bob", inside.value(), "ip").isAccepted());
        assertEquals(
                List.of("ops"), service.get("bob", two.token().id()).reach().items(), "never widened back");
        assertEquals(
                List.of("team/app2"),
                service.get("bob", unrelated.token().id()).reach().items());
        assertTrue(audit.events.stream()
                .anyMatch(e -> e.type() == AuditEventType.REVOKED
                        && "its folders and jobs were deleted".equals(e.detail())
                        && only.token().id().equals(e.tokenId())));
        assertEquals(0, service.forgetDeletedItem("team/app"), "once is enough");
    }

    @Test
    void aMoveToANameNoTokenMayHoldLetsGoOfTheOldName() {
        NewToken token = limited("alice", "t", "team/app");
        service.followItemMove("team", "x".repeat(1001));
        assertTrue(service.get("alice", token.token().id()).reach().items().isEmpty());
        assertFalse(service.get("alice", token.token().id()).reach().isEverywhere(), "nowhere, not everywhere");
        assertFalse(service.get("alice", token.token().id()).reach().contains("team/app"));
    }

    /** A full token of {@code user}'s own, limited to {@code items}. */
    private NewToken limited(String user, String name, String items) {
        return service.create(user, new TokenRequest(name, ExpiryChoice.DEFAULT, null, Reach.parse(items)), user);
    }
}
