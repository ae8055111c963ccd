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
    void blankMeansEverywhere() {
        assertSame(Reach.EVERYWHERE, Reach.parse(null));
        assertSame(Reach.EVERYWHERE, Reach.parse(" , \n "));
        assertTrue(Reach.EVERYWHERE.contains("anything/at/all"));
        assertEquals("everywhere", Reach.EVERYWHERE.describe());
    }

    @Test
    void containsTheItemsAndWhatIsInsideThemIgnoringCase() {
        Reach reach = Reach.parse("team/app, /ops/");
        assertEquals(List.of("ops", "team/app"), reach.items());
        assertTrue(reach.contains("team/app"));
        assertTrue(reach.contains("Team/APP/main"));
        assertTrue(reach.contains("ops/deploy/prod"));
        assertFalse(reach.contains("team"), "the folder around a listed item is outside");
        assertFalse(reach.contains("team/app2"), "a name that merely starts the same is another item");
        assertFalse(reach.contains("team/other"));
        assertFalse(reach.contains("opsx"));
    }

    @Test
    void dropsRepeatsAndItemsInsideAnotherListedItem() {
        Reach reach = Reach.parse("team/app\nteam\nTEAM/app\nteam");
        assertEquals(List.of("team"), reach.items());
        assertEquals(Reach.parse("Team"), reach);
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
