package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReachTest {

    @Test
    void blankMeansEverywhereButSeparatorsWithoutNamesAreAMistake() {
        assertSame(Reach.EVERYWHERE, Reach.parse(null));
        assertSame(Reach.EVERYWHERE, Reach.parse(" \n "));
        assertTrue(Reach.EVERYWHERE.contains("anything/at/all"));
        assertEquals("everywhere", Reach.EVERYWHERE.describe());
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> Reach.parse(" , "));
        assertTrue(e.getMessage().startsWith("Name the folders and jobs"), e.getMessage());
    }

    @Test
    void storedItemsThatCannotBeReadReachNothingRatherThanEverything() {
        assertSame(Reach.EVERYWHERE, Reach.stored(null));
        assertSame(Reach.NOWHERE, Reach.stored(List.of()));
        assertSame(Reach.NOWHERE, Reach.stored(List.of("team/../admin")));
        assertFalse(Reach.NOWHERE.contains("team/app"));
        assertFalse(Reach.NOWHERE.isEverywhere());
        assertEquals(List.of("team/app"), Reach.stored(List.of("team/app")).items());
    }

    @Test
    void containsTheItemsAndWhatIsInsideThemSpelledExactly() {
        Reach reach = Reach.parse("team/app, /ops/");
        assertEquals(List.of("ops", "team/app"), reach.items());
        assertTrue(reach.contains("team/app"));
        assertTrue(reach.contains("team/app/main"));
        assertFalse(reach.contains("Team/APP/main"), "a folder's children are case-sensitive after a restart");
        assertTrue(reach.contains("ops/deploy/prod"));
        assertFalse(reach.contains("team"), "the folder around a listed item is outside");
        assertFalse(reach.contains("team/app2"), "a name that merely starts the same is another item");
        assertFalse(reach.contains("team/other"));
        assertFalse(reach.contains("opsx"));
    }

    @Test
    void dropsRepeatsAndItemsInsideAnotherListedItem() {
        Reach reach = Reach.parse("team/app\nteam\nteam/app/x\nteam");
        assertEquals(List.of("team"), reach.items());
        assertEquals(Reach.parse("team"), reach);
    }

    @Test
    void followsMovesAndForgetsDeletedItems() {
        Reach reach = Reach.parse("team/app, team/other, ops");
        assertEquals(Reach.parse("squad/app, squad/other, ops"), reach.afterMove("team", "squad"));
        assertSame(reach, reach.afterMove("teams", "squad"), "only the item and what is inside it");
        assertEquals(Reach.parse("ops"), reach.without("team"));
        assertEquals(Reach.parse("team/other, ops"), reach.without("team/app"));
        assertSame(reach, reach.without("team/ap"));
        assertEquals(null, Reach.parse("team/app").without("team"), "nothing left: never everywhere");
    }

    @ParameterizedTest
    @ValueSource(strings = {"team/../admin", "team//app", "./x", "a;b", "a\\b", "a?b", "a#b", "team/ /app"})
    void refusesWhatCannotBeAnItemsFullName(String name) {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> Reach.parse(name));
        assertTrue(e.getMessage().contains("is not the full name of a folder or job"), e.getMessage());
    }

    @Test
    void acceptsMultibranchBranchNamesWhichHoldAnEscapedSlash() {
        Reach reach = Reach.parse("repo/feature%2Fx");
        assertTrue(reach.contains(List.of("repo", "feature%2Fx")));
        assertFalse(reach.contains(List.of("repo", "feature", "x")));
    }

    @Test
    void refusesTooManyItems() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= Reach.MAX_ITEMS; i++) {
            names.add("job" + i);
        }
        assertThrows(TokenRuleException.class, () -> Reach.of(names));
        assertEquals(
                Reach.MAX_ITEMS,
                Reach.of(names.subList(0, Reach.MAX_ITEMS)).items().size());
    }
}
