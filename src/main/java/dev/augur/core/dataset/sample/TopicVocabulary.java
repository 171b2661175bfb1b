package dev.augur.core.dataset.sample;

import java.util.List;

/**
 * The invented vocabularies behind the sample catalogue: one per hidden topic, plus words every topic shares.
 * Every word list is fixed here, so generated text depends only on the seed.
 */
final class TopicVocabulary {

    /**
     * One hidden topic.
     *
     * @param key        the topic's name in the answer key
     * @param categories category labels of this topic (space-free)
     * @param titleWords words for titles
     * @param nouns      product kinds, last word of a title
     * @param adjectives adjectives for descriptions
     * @param audiences  who it is for
     * @param phrases    what it does, a verb phrase
     * @param components what comes with it, plural
     */
    record Topic(String key, List<String> categories, List<String> titleWords, List<String> nouns,
                 List<String> adjectives, List<String> audiences, List<String> phrases, List<String> components) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("space",
                    List.of("space-opera", "star-charts", "alien-diplomacy"),
                    List.of("Nebula", "Drift", "Quasar", "Orbit", "Starlane", "Comet", "Eclipse", "Void"),
                    List.of("Kit", "Saga", "Atlas", "Chronicle", "Model", "Beacon"),
                    List.of("interstellar", "zero-gravity", "starlit", "galactic", "orbital", "cosmic"),
                    List.of("armchair astronauts", "fans of galactic empires", "young star pilots",
                            "late-night sky watchers"),
                    List.of("charts hyperspace lanes between distant nebulae",
                            "recreates the diplomacy of rival alien fleets",
                            "glows softly like a cruiser's engine trail",
                            "follows a smuggler's crew across three star systems",
                            "maps the moons of an imaginary gas giant",
                            "captures the hum of a starship bridge"),
                    List.of("holographic star charts", "fleet insignia stickers", "asteroid-shaped magnets",
                            "mission logbooks", "planet decals")),
            new Topic("kitchen",
                    List.of("kitchen-gadgets", "baking-tools", "spice-kits"),
                    List.of("Whisk", "Simmer", "Crumb", "Saffron", "Ladle", "Zest", "Braise", "Skillet"),
                    List.of("Set", "Gadget", "Press", "Kit", "Caddy", "Mixer"),
                    List.of("nonstick", "heat-proof", "stackable", "dishwasher-safe", "copper-toned", "precise"),
                    List.of("weekend bakers", "busy home cooks", "spice enthusiasts", "pasta perfectionists"),
                    List.of("whisks batter into glossy peaks in seconds",
                            "keeps spices fresh and within reach of the stove",
                            "measures flour, sugar and butter with precision",
                            "turns leftover herbs into fragrant pesto",
                            "slices onions and peppers without tears",
                            "holds a simmering sauce at the perfect temperature"),
                    List.of("silicone spatulas", "measuring spoons", "spice jars", "pastry nozzles",
                            "recipe cards")),
            new Topic("garden",
                    List.of("herb-gardens", "seed-packs", "greenhouse-kits"),
                    List.of("Fern", "Sprout", "Loam", "Bloom", "Trellis", "Moss", "Petal", "Root"),
                    List.of("Planter", "Kit", "Pack", "Trowel", "Cloche", "Bed"),
                    List.of("frost-hardy", "self-watering", "compostable", "sun-loving", "organic", "raised"),
                    List.of("balcony gardeners", "allotment regulars", "first-time growers",
                            "friends of pollinators"),
                    List.of("helps tomato seedlings root in rich compost",
                            "waters basil and mint while you are away",
                            "shelters tender shoots from late spring frost",
                            "attracts bees and butterflies to the flower border",
                            "turns kitchen scraps into dark crumbly soil",
                            "grows crisp lettuce on a sunny windowsill"),
                    List.of("seed packets", "biodegradable pots", "plant labels", "twine spools",
                            "soil tablets")),
            new Topic("fitness",
                    List.of("running-gear", "yoga-kits", "strength-training"),
                    List.of("Stride", "Pulse", "Core", "Sprint", "Flex", "Summit", "Tempo", "Iron"),
                    List.of("Band", "Mat", "Trainer", "Kit", "Bottle", "Roller"),
                    List.of("sweat-wicking", "lightweight", "non-slip", "adjustable", "breathable",
                            "high-intensity"),
                    List.of("marathon hopefuls", "morning yoga regulars", "home gym builders",
                            "interval training fans"),
                    List.of("tracks every lap, split and heartbeat",
                            "stretches tight hamstrings after a long run",
                            "adds resistance to squats, lunges and presses",
                            "cushions knees during sun salutations",
                            "keeps you hydrated through a hard workout",
                            "loosens sore calves and shoulders after training"),
                    List.of("resistance bands", "foam blocks", "grip straps", "training logbooks",
                            "reflective armbands")),
            new Topic("mystery",
                    List.of("noir-mysteries", "detective-puzzles", "cozy-crime"),
                    List.of("Shadow", "Alibi", "Cipher", "Fog", "Lantern", "Ledger", "Whisper", "Clue"),
                    List.of("Novel", "Casebook", "Puzzle", "Dossier", "Mystery", "Anthology"),
                    List.of("rain-soaked", "twisty", "hard-boiled", "whodunit", "suspenseful", "moody"),
                    List.of("armchair detectives", "puzzle solvers", "fans of locked-room mysteries",
                            "late-night readers"),
                    List.of("follows an inspector through a fog-bound harbour town",
                            "hides a murderer among the guests at a country house",
                            "unfolds a case of forged letters and missing heirlooms",
                            "sets a weary private eye against a corrupt city hall",
                            "challenges you to crack a cipher before the final chapter",
                            "reveals the alibi that never added up"),
                    List.of("evidence envelopes", "suspect profiles", "coded letters", "crime-scene maps",
                            "fingerprint cards")),
            new Topic("music",
                    List.of("synth-modules", "folk-strings", "drum-kits"),
                    List.of("Echo", "Chord", "Reverb", "Tremolo", "Groove", "Octave", "Cadence", "Riff"),
                    List.of("Synth", "Pedal", "Ukulele", "Drum", "Module", "Amp"),
                    List.of("analog", "fretless", "tube-warm", "polyphonic", "rhythmic", "finely tuned"),
                    List.of("bedroom producers", "folk buskers", "garage band drummers", "synth tinkerers"),
                    List.of("shapes warm analog waveforms into lush pads",
                            "keeps perfect tempo for practice sessions",
                            "adds shimmering reverb to an acoustic guitar",
                            "layers basslines, chords and melodies into a loop",
                            "tunes nylon strings to a bright folk voice",
                            "rattles out snare rolls and crisp hi-hats"),
                    List.of("patch cables", "guitar picks", "drum sticks", "spare strings", "chord charts")),
            new Topic("pets",
                    List.of("cat-toys", "dog-treats", "aquarium-supplies"),
                    List.of("Whisker", "Paw", "Fetch", "Purr", "Tail", "Kibble", "Fin", "Burrow"),
                    List.of("Toy", "Bowl", "Treat", "Bed", "Tank", "Leash"),
                    List.of("chew-proof", "catnip-scented", "grain-free", "cozy", "washable", "floating"),
                    List.of("playful kittens", "energetic puppies", "senior dogs", "aquarium keepers"),
                    List.of("keeps curious cats chasing for hours",
                            "rewards good dogs with crunchy grain-free bites",
                            "filters aquarium water for bright tropical fish",
                            "gives tired paws a soft place to nap",
                            "holds kibble and water without spilling",
                            "survives the most determined chewer"),
                    List.of("feather wands", "chew ropes", "fish food flakes", "squeaky balls",
                            "grooming brushes")),
            new Topic("boardgames",
                    List.of("strategy-boards", "card-games", "party-games"),
                    List.of("Dice", "Meeple", "Gambit", "Token", "Domain", "Castle", "Trick", "Bluff"),
                    List.of("Game", "Deck", "Expansion", "Box", "Board", "Set"),
                    List.of("cooperative", "tactical", "quick-playing", "competitive", "family-friendly",
                            "deck-building"),
                    List.of("game night hosts", "strategy veterans", "families with older kids", "card sharks"),
                    List.of("pits rival kingdoms against each other for scarce resources",
                            "rewards bold bluffs and clever trades",
                            "plays out in twenty minutes around the kitchen table",
                            "lets players build a deck of spells and heroes",
                            "sends teams racing to guess secret words",
                            "scores points for roads, castles and farms"),
                    List.of("wooden meeples", "custom dice", "playing cards", "score pads", "hex tiles")),
            new Topic("outdoor",
                    List.of("camping-gear", "trail-maps", "climbing-kits"),
                    List.of("Ridge", "Canyon", "Ember", "Trail", "Boulder", "Pine", "Basecamp", "Cairn"),
                    List.of("Tent", "Lantern", "Pack", "Stove", "Harness", "Map"),
                    List.of("waterproof", "ultralight", "wind-resistant", "packable", "rugged", "insulated"),
                    List.of("weekend hikers", "backcountry campers", "bouldering beginners", "trail runners"),
                    List.of("pitches in minutes on a windy ridge",
                            "boils water for coffee at the campsite",
                            "marks switchbacks and springs along the trail",
                            "keeps a sleeping bag dry through mountain storms",
                            "clips into the rope for a safe belay",
                            "lights the tent with a warm ember glow"),
                    List.of("tent stakes", "carabiners", "fire starters", "topographic maps", "water filters")),
            new Topic("gadgets",
                    List.of("smart-lamps", "audio-gadgets", "desk-robots"),
                    List.of("Pixel", "Circuit", "Volt", "Beam", "Sync", "Byte", "Signal", "Gizmo"),
                    List.of("Lamp", "Speaker", "Robot", "Hub", "Dock", "Charger"),
                    List.of("wireless", "voice-controlled", "rechargeable", "pocket-sized", "app-connected",
                            "low-latency"),
                    List.of("desk tinkerers", "smart home fans", "podcast listeners", "gadget collectors"),
                    List.of("dims the lights when the movie starts",
                            "streams music to every room over wifi",
                            "rolls across the desk to remind you of meetings",
                            "charges a phone and earbuds at once",
                            "syncs its colours to the beat of your playlist",
                            "answers voice commands with a cheerful beep"),
                    List.of("usb cables", "wall mounts", "spare batteries", "led strips", "charging pads")),
            new Topic("art",
                    List.of("watercolor-sets", "sketch-books", "sculpting-clay"),
                    List.of("Canvas", "Palette", "Pigment", "Easel", "Sketch", "Umber", "Glaze", "Charcoal"),
                    List.of("Set", "Sketchbook", "Brush", "Kit", "Easel", "Tin"),
                    List.of("acid-free", "vibrant", "blendable", "lightfast", "archival", "air-dry"),
                    List.of("urban sketchers", "watercolour beginners", "studio potters", "comic artists"),
                    List.of("blends translucent washes of cerulean and ochre",
                            "holds heavy paper that never buckles",
                            "sculpts smooth figures that air-dry overnight",
                            "captures quick street scenes in charcoal",
                            "mixes bright pigments on a porcelain palette",
                            "inks crisp lines for comic panels"),
                    List.of("sable brushes", "pigment pans", "kneaded erasers", "sculpting tools",
                            "fine liners")),
            new Topic("tea",
                    List.of("tea-blends", "coffee-roasts", "mug-sets"),
                    List.of("Brew", "Leaf", "Roast", "Steep", "Chai", "Crema", "Kettle", "Oolong"),
                    List.of("Blend", "Tin", "Kettle", "Mug", "Grinder", "Sampler"),
                    List.of("single-origin", "smoky", "floral", "dark-roasted", "loose-leaf", "caffeine-free"),
                    List.of("morning coffee lovers", "afternoon tea drinkers", "latte artists",
                            "herbal tea fans"),
                    List.of("steeps jasmine leaves into a fragrant golden cup",
                            "grinds beans for a rich espresso crema",
                            "roasts cocoa-note beans to a dark finish",
                            "keeps loose tea fresh in an airtight tin",
                            "pours a precise stream for slow pour-over coffee",
                            "warms hands and spirits on a rainy afternoon"),
                    List.of("tea filters", "coffee scoops", "tasting notes", "ceramic cups", "infuser baskets")));

    /** Categories any topic's items may also carry. */
    static final List<String> SHARED_CATEGORIES = List.of("gift-ideas", "starter-sets", "limited-edition");

    /** Syllables for invented brand names: a start and an end, e.g. "Zor" + "blax". */
    static final List<String> BRAND_STARTS = List.of("Zor", "Qua", "Vel", "Brix", "Mon", "Tal", "Ple", "Kro",
            "Fen", "Dax", "Yul", "Om", "Glim", "Sna", "Tri", "Wub", "Nix", "Jub");
    static final List<String> BRAND_ENDS = List.of("blax", "tron", "ique", "oodle", "ix", "ara", "ump", "essa",
            "ovo", "ingo", "zel", "arp");

    /** Title add-ons that any topic may use. */
    static final List<String> TITLE_SUFFIXES = List.of("Mini", "Pro", "Deluxe", "II", "Classic", "Plus");

    static final List<String> COLOURS = List.of("teal", "amber", "slate", "coral", "olive", "plum", "ivory",
            "saffron");

    /** Filler sentences shared by every topic; {@code %s} is the brand. */
    static final List<String> FILLERS = List.of(
            "Made by the entirely fictional %s company.",
            "Ships in a plain cardboard box with a quick-start card.",
            "A popular choice for gifts and everyday use.",
            "Every detail of %s was invented for the Augur sample catalogue.",
            "Reviewers who do not exist call it reliable and easy to use.",
            "Designed in an imaginary workshop and tested by nobody in particular.");

    static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    static final double[] AGE_WEIGHTS = {0.16, 0.28, 0.22, 0.16, 0.11, 0.07};

    /** Invented countries. */
    static final List<String> COUNTRIES = List.of("Zorbania", "Quarnel", "Vestoria", "Lumeria", "Dravik",
            "Ostrelland", "Pellandia", "Kevora");
    static final double[] COUNTRY_WEIGHTS = {0.30, 0.18, 0.14, 0.11, 0.09, 0.07, 0.06, 0.05};

    private TopicVocabulary() {
    }

    /** How many topics there are. */
    static int count() {
        return TOPICS.size();
    }
}
