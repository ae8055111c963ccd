package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static TokenInfo token(
            String user,
            String name,
            Instant created,
            Instant expires,
            long uses,
            Instant lastUse,
            TokenOrigin origin) {
        return new TokenInfo(
                user,
                user + "-" + name,
                name,
                Scope.FULL,
                Reach.EVERYWHERE,
                origin,
                null,
                created,
                expires,
                uses,
                null,
                lastUse,
                null,
                null,
                java.util.List.of(),
                null);
    }

    private final List<TokenInfo> tokens = List.of(
            token("bob", "fresh", NOW.minus(Duration.ofDays(1)), null, 5, NOW, TokenOrigin.USER),
            token("alice", "old", NOW.minus(Duration.ofDays(400)), null, 0, null, TokenOrigin.USER),
            token(
                    "alice",
                    "expired",
                    NOW.minus(Duration.ofDays(10)),
                    NOW.minusSeconds(1),
                    1,
                    NOW.minus(Duration.ofDays(9)),
                    TokenOrigin.USER),
            token(
                    "carol",
                    "soon",
                    NOW.minus(Duration.ofDays(10)),
                    NOW.plus(Duration.ofDays(3)),
                    2,
                    NOW.minus(Duration.ofDays(40)),
                    TokenOrigin.USER),
            token("dave", "build job #3", NOW, NOW.plus(Duration.ofHours(1)), 0, null, TokenOrigin.BUILD));

    private List<String> names(TokenQuery.Filter filter, int unusedDays, TokenQuery.Sort sort, boolean descending) {
        return new TokenQuery(filter, unusedDays, sort, descending, 0, 100)
                .apply(tokens, TokenPolicy.DEFAULT, NOW).tokens().stream()
                        .map(TokenInfo::name)
                        .toList();
    }

    @Test
    void filtersPickTheRightTokens() {
        assertEquals(List.of("expired"), names(TokenQuery.Filter.EXPIRED, 0, TokenQuery.Sort.USER, false));
        assertEquals(
                List.of("soon", "build job #3"), names(TokenQuery.Filter.EXPIRING, 0, TokenQuery.Sort.USER, false));
        assertEquals(List.of("old"), names(TokenQuery.Filter.OLD, 0, TokenQuery.Sort.USER, false));
        assertEquals(List.of("build job #3"), names(TokenQuery.Filter.BUILD, 0, TokenQuery.Sort.USER, false));
        assertEquals(List.of("old", "fresh"), names(TokenQuery.Filter.NO_EXPIRY, 0, TokenQuery.Sort.USER, false));
    }

    @Test
    void legacyFilterKeepsOnlyCoresLegacyTokensAndUnknownCreationCountsAsOld() {
        List<TokenInfo> mixed = new ArrayList<>(tokens);
        mixed.add(token("erin", "legacy", TokenInfo.UNKNOWN_CREATION, null, 7, null, TokenOrigin.LEGACY));
        mixed.add(token("erin", "core", NOW.minus(Duration.ofDays(2)), null, 0, null, TokenOrigin.CORE));
        assertEquals(
                List.of("legacy"),
                new TokenQuery(TokenQuery.Filter.LEGACY, 0, TokenQuery.Sort.USER, false, 0, 100)
                        .matching(mixed, TokenPolicy.DEFAULT, NOW).stream()
                                .map(TokenInfo::name)
                                .toList());
        assertEquals(
                List.of("old", "legacy"),
                new TokenQuery(TokenQuery.Filter.OLD, 0, TokenQuery.Sort.USER, false, 0, 100)
                        .matching(mixed, TokenPolicy.DEFAULT, NOW).stream()
                                .map(TokenInfo::name)
                                .toList());
        assertEquals(TokenQuery.Filter.LEGACY, TokenQuery.Filter.parse("legacy"));
    }

    @Test
    void unusedCountsNeverUsedTokensFromCreation() {
        assertEquals(List.of("old", "soon"), names(TokenQuery.Filter.UNUSED, 30, TokenQuery.Sort.USER, false));
    }

    @Test
    void sortsAscendingAndDescending() {
        assertEquals(
                List.of("fresh", "soon", "expired", "old", "build job #3"),
                names(TokenQuery.Filter.ALL, 0, TokenQuery.Sort.USES, true));
        assertEquals(
                "old",
                names(TokenQuery.Filter.ALL, 0, TokenQuery.Sort.CREATED, false).get(0));
        assertEquals(
                List.of("build job #3", "expired", "fresh", "old", "soon"),
                names(TokenQuery.Filter.ALL, 0, TokenQuery.Sort.NAME, false));
    }

    @Test
    void pagesSplitTheResultAndClampTheLastPage() {
        List<TokenInfo> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(token("u" + i, "t", NOW, null, 0, null, TokenOrigin.USER));
        }
        TokenQuery.Result second = new TokenQuery(TokenQuery.Filter.ALL, 0, TokenQuery.Sort.USER, false, 1, 100)
                .apply(many, TokenPolicy.DEFAULT, NOW);
        assertEquals(100, second.tokens().size());
        assertEquals(250, second.total());
        assertEquals(3, second.pageCount());
        TokenQuery.Result beyond = new TokenQuery(TokenQuery.Filter.ALL, 0, TokenQuery.Sort.USER, false, 9, 100)
                .apply(many, TokenPolicy.DEFAULT, NOW);
        assertEquals(2, beyond.page());
        assertEquals(50, beyond.tokens().size());
    }

    @Test
    void absentFilterAndSortMeanTheDefaults() {
        assertEquals(TokenQuery.Filter.ALL, TokenQuery.Filter.parse(null));
        assertEquals(TokenQuery.Filter.ALL, TokenQuery.Filter.parse(" "));
        assertEquals(TokenQuery.Sort.USER, TokenQuery.Sort.parse(null));
        assertEquals(TokenQuery.Sort.LAST_USED, TokenQuery.Sort.parse("lastUsed"));
        assertEquals(TokenQuery.Filter.NO_EXPIRY, TokenQuery.Filter.parse("noExpiry"));
    }

    @Test
    void anUnknownFilterOrSortIsRefusedNeverReadAsEverything() {
        // A typo in a bulk revocation's filter once meant "all": every token of the instance went.
        TokenRuleException filter = assertThrows(TokenRuleException.class, () -> TokenQuery.Filter.parse("expird"));
        assertTrue(filter.getMessage().contains("'expird'"), filter.getMessage());
        assertTrue(filter.getMessage().contains("expired"), filter.getMessage());
        assertThrows(TokenRuleException.class, () -> TokenQuery.Filter.parse("<script>"));
        assertThrows(TokenRuleException.class, () -> TokenQuery.Sort.parse("created desc"));
    }

    @Test
    void urlNamesReadBackAsTheirConstants() {
        for (TokenQuery.Filter filter : TokenQuery.Filter.values()) {
            assertEquals(filter, TokenQuery.Filter.parse(TokenQuery.urlName(filter)));
        }
        for (TokenQuery.Sort sort : TokenQuery.Sort.values()) {
            assertEquals(sort, TokenQuery.Sort.parse(TokenQuery.urlName(sort)));
        }
    }

    @Test
    void aPageMustHoldSomething() {
        assertThrows(
                TokenRuleException.class,
                () -> new TokenQuery(TokenQuery.Filter.ALL, 0, TokenQuery.Sort.USER, false, 0, 0));
    }

    @Test
    void aUrlIsReadStrictlyWithDefaultsForWhatItLeavesOut() {
        TokenQuery query = TokenQuery.parse(
                Map.of("filter", "unused", "days", "30", "sort", "lastUsed", "order", "desc", "page", "2")::get, 50);
        assertEquals(new TokenQuery(TokenQuery.Filter.UNUSED, 30, TokenQuery.Sort.LAST_USED, true, 2, 50), query);
        assertEquals(
                new TokenQuery(TokenQuery.Filter.ALL, 90, TokenQuery.Sort.USER, false, 0, 50),
                TokenQuery.parse(Map.<String, String>of()::get, 50));

        for (Map<String, String> wrong : List.of(
                Map.of("order", "down"), Map.of("days", "-1"), Map.of("page", "two"), Map.of("filter", "expird"))) {
            assertThrows(TokenRuleException.class, () -> TokenQuery.parse(wrong::get, 50), wrong.toString());
        }
        TokenRuleException days =
                assertThrows(TokenRuleException.class, () -> TokenQuery.parse(Map.of("days", "x")::get, 50));
        assertEquals("'days' must be a number of 0 or more, not 'x'.", days.getMessage());
    }

    @Test
    void theBreakingFilterKeepsLiveTokensThatBreakThePolicyInForce() {
        TokenPolicy expiryRequired = TokenPolicy.builder().expiryRequired(true).build();
        List<String> breaking = new TokenQuery(TokenQuery.Filter.BREAKING_POLICY, 0, TokenQuery.Sort.NAME, false, 0, 50)
                .matching(tokens, expiryRequired, NOW).stream()
                        .map(TokenInfo::name)
                        .toList();
        // "expired" has no place here (it works no more); "soon" expires; the build token follows its own rules.
        assertEquals(
                tokens.stream()
                        .filter(t -> t.expires() == null && t.origin() != TokenOrigin.BUILD)
                        .map(TokenInfo::name)
                        .sorted()
                        .toList(),
                breaking);
        assertTrue(breaking.contains("fresh"));
        assertEquals(
                List.of(),
                new TokenQuery(TokenQuery.Filter.BREAKING_POLICY, 0, TokenQuery.Sort.NAME, false, 0, 50)
                        .matching(tokens, TokenPolicy.DEFAULT, NOW));
    }

    @Test
    void theBreakingFilterIsNamedInUrlsAsOtherFiltersAre() {
        assertEquals(TokenQuery.Filter.BREAKING_POLICY, TokenQuery.Filter.parse("breakingPolicy"));
        assertEquals(TokenQuery.Filter.BREAKING_POLICY, TokenQuery.Filter.parse("breaking-policy"));
        assertEquals("breakingPolicy", TokenQuery.urlName(TokenQuery.Filter.BREAKING_POLICY));
    }
}
