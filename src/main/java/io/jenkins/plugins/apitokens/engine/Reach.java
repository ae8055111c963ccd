package io.jenkins.plugins.apitokens.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a token works: everywhere (what its user may reach), or only inside a few folders and jobs, named by their
 * full names ({@code team/app}), and whatever they contain. Names compare exactly, as Stapler's routes and a folder's
 * children after a restart do: a request that spells a name otherwise is refused, never let into a neighbour. A
 * token whose stored items cannot be read works {@link #NOWHERE}. Immutable; serializable as part of a request's
 * identity.
 */
public final class Reach implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No limit: the token works wherever its user may go. */
    public static final Reach EVERYWHERE = new Reach(List.of(), true);

    /** Nowhere at all: what a token gets whose stored items cannot be read, rather than more. */
    public static final Reach NOWHERE = new Reach(List.of(), false);

    /** At most this many items per token: a token that needs more is better limited to their folder. */
    static final int MAX_ITEMS = 50;

    private static final int MAX_NAME_LENGTH = 1000;
    /**
     * What no item name holds, or what would make a name mean a different path. Not {@code %}: multibranch projects
     * name a branch {@code feature/x} as {@code feature%2Fx}.
     */
    private static final Pattern UNSAFE = Pattern.compile("[\\\\;?#\\p{Cntrl}]");

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,\\n]");

    private final List<String> items;
    private final boolean everywhere;
    private final String[][] segments;

    private Reach(List<String> items, boolean everywhere) {
        this.items = List.copyOf(items);
        this.everywhere = everywhere;
        this.segments = new String[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            segments[i] = items.get(i).split("/");
        }
    }

    /**
     * The reach of a token limited to {@code fullNames}; none for {@link #EVERYWHERE}. Surrounding slashes and blanks
     * are dropped, repeats and items inside another listed item are left out.
     *
     * @throws TokenRuleException naming a name that cannot be an item's, or when there are too many
     */
    public static Reach of(Collection<String> fullNames) {
        List<String> names = new ArrayList<>();
        for (String raw : fullNames) {
            String name = normalize(raw);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return EVERYWHERE;
        }
        if (names.size() > MAX_ITEMS) {
            throw new TokenRuleException(EngineMessage.of("Reach.TooMany", MAX_ITEMS));
        }
        List<String> distinct = names.stream().distinct().toList();
        List<String> kept = new ArrayList<>();
        for (String name : distinct) {
            if (distinct.stream().noneMatch(other -> isInside(name, other))) {
                kept.add(name);
            }
        }
        kept.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return new Reach(kept, false);
    }

    /**
     * The reach written as people and scripts write it: full names separated by commas or lines; {@code null} or blank
     * for {@link #EVERYWHERE}.
     *
     * @throws TokenRuleException for separators without a name (" , "): that is a mistake, not "everywhere"
     */
    public static Reach parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYWHERE;
        }
        Reach reach = of(List.of(LIST_SEPARATORS.split(text)));
        if (reach.isEverywhere()) {
            throw new TokenRuleException(EngineMessage.of("Reach.NoName"));
        }
        return reach;
    }

    /**
     * The reach of a stored token: {@code null} for everywhere; otherwise the items, or {@link #NOWHERE} when there
     * are none or they cannot be read (a file edited by hand), so that damage never widens a token.
     */
    static Reach stored(List<String> items) {
        if (items == null) {
            return EVERYWHERE;
        }
        try {
            Reach reach = of(items);
            return reach.isEverywhere() ? NOWHERE : reach;
        } catch (TokenRuleException e) {
            return NOWHERE;
        }
    }

    /** Whether the item named {@code name} is inside the folder named {@code folder}. */
    private static boolean isInside(String name, String folder) {
        return name.length() > folder.length() && name.charAt(folder.length()) == '/' && name.startsWith(folder);
    }

    private static String normalize(String raw) {
        String name = raw == null ? "" : raw.strip();
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return name;
        }
        if (name.length() > MAX_NAME_LENGTH || UNSAFE.matcher(name).find()) {
            throw new TokenRuleException(EngineMessage.of("Reach.BadName", shorten(name)));
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                throw new TokenRuleException(EngineMessage.of("Reach.BadName", shorten(name)));
            }
        }
        return name;
    }

    private static String shorten(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80) + "…";
    }

    public boolean isEverywhere() {
        return everywhere;
    }

    /** The full names of the items the token is limited to; empty for {@link #EVERYWHERE}. */
    public List<String> items() {
        return items;
    }

    /**
     * Whether the item at {@code path} (its full name, one name per element) is inside this reach: one of the listed
     * items or inside one. Costs a comparison of a few names per listed item, whatever the number of items in
     * Jenkins.
     */
    public boolean contains(List<String> path) {
        if (everywhere) {
            return true;
        }
        for (String[] listed : segments) {
            if (startsWith(path, listed)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #contains(List)} for a full name such as {@code team/app}. */
    public boolean contains(String fullName) {
        return contains(List.of(fullName.split("/")));
    }

    private static boolean startsWith(List<String> path, String[] prefix) {
        if (path.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!prefix[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * This reach after the item {@code from} moved to {@code to} (renamed, or moved to another folder): the item and
     * everything listed inside it now go by the new name. Itself when nothing listed was affected.
     */
    public Reach afterMove(String from, String to) {
        List<String> moved = new ArrayList<>(items.size());
        boolean changed = false;
        for (String name : items) {
            String renamed = name;
            if (name.equals(from)) {
                renamed = to;
            } else if (isInside(name, from)) {
                renamed = to + name.substring(from.length());
            }
            changed |= !renamed.equals(name);
            moved.add(renamed);
        }
        return changed ? of(moved) : this;
    }

    /**
     * This reach without the item {@code deleted} and what was inside it; {@code null} when nothing would be left
     * (never {@link #EVERYWHERE}). Itself when nothing listed was affected.
     */
    public Reach without(String deleted) {
        List<String> left = items.stream()
                .filter(name -> !name.equals(deleted) && !isInside(name, deleted))
                .toList();
        if (left.size() == items.size()) {
            return this;
        }
        return left.isEmpty() ? null : of(left);
    }

    /** For people: "everywhere", "nowhere", or the items separated by commas. */
    public String describe() {
        if (items.isEmpty()) {
            return EngineMessage.of(everywhere ? "Reach.Everywhere" : "Reach.Nowhere")
                    .toString();
        }
        return String.join(", ", items);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reach reach && everywhere == reach.everywhere && items.equals(reach.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode() * 31 + (everywhere ? 1 : 0);
    }

    @Override
    public String toString() {
        return items.isEmpty() ? (everywhere ? "everywhere" : "nowhere") : String.join(", ", items);
    }
}
