/// Word lists the boundary rules consult for the word after an abbreviation.
///
/// Words are matched as written (case-sensitive) on their ASCII letters: `I'm` is matched as `I`,
/// `It’s` as `It`.
enum WordList {
    /// Capitalised words that, after an abbreviation that can also end a sentence (`U.S.`,
    /// `Inc.`, `co.`, an initial), show that a new sentence has begun: pronouns, determiners,
    /// conjunctions, sentence adverbs, question words and auxiliaries. Names and nouns are left
    /// out on purpose: `U.S. Army`, `J.C. Penney`, `Jonas E. Smith` continue the sentence.
    static let sentenceStarters = PackedWord.set(
        """
        A An The He She It Its They We You I This That These Those There Their His Her Our My Your \
        But And Or Nor So Yet However Meanwhile Still Also Then Now Thus Instead Indeed Here In On \
        At For From If When While After Before Since Although Though As Because During Despite \
        Unlike Under With Without According What Why How Who Whom Whose Where Which Many Some Most \
        Both Each Every All Any Several Few One No Not None Only Even Such Other Others More \
        Millions Thousands Hundreds Being Did Do Does Is Are Was Were Can Could Would Should Has \
        Have Had Today Yesterday Tomorrow Last Next Earlier Later Let Please Yes
        """)

    /// Personal titles that, written with their period after an abbreviation that can end a
    /// sentence, open the next one (`& Co. Mr. Jones`). Ranks and offices are left out: they
    /// follow an initialism inside a sentence (`U.S. Rep. Adam Schiff`, `U.S. Gen. Milley`).
    static let personalTitles = PackedWord.set("Mr Mrs Ms Messrs Mmes Dr Drs Prof")

    /// Verbs of a speech tag: after a closing quote, `“Why?” Jones asked.` is one sentence.
    static let speechVerbs = PackedWord.set(
        """
        said says asked asks added adds told tells replied replies wrote writes shouted shouts yelled \
        yells cried cries explained explains continued continues recalled recalls insisted insists \
        noted notes tweeted tweets posted whispered answered answers agreed agrees warned warns \
        declared declares stated states argued argues claimed claims concluded announced admitted \
        acknowledged confirmed confirms joked laughed wondered wonders screamed sighed murmured muttered
        """)

    /// Names written with an exclamation mark (`Yahoo! Research`): it ends a sentence after them
    /// only before a sentence opener.
    static let exclaimedNames = PackedWord.set("Yahoo Jeopardy Yum Wham Joomla Kazoo")

    /// Capitalised words that continue a clock time (`at 6 p.m. Monday`, `10 a.m. EST`).
    static let timeContinuations = PackedWord.set(
        """
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs \
        Fri Sat Sun January February March April May June July August September October November \
        December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ET EST EDT CT CST CDT MT MST MDT \
        PT PST PDT AKST HST GMT BST UTC CET CEST EET EEST MSK IST JST KST AEST AEDT HKT SGT WIB \
        Eastern Central Mountain Pacific Atlantic Greenwich Moscow Kyiv Kiev London Local
        """)

    /// Words that open a time adverbial at the front of a sentence (`At 5 a.m. Mr. Smith went`).
    static let frontingPrepositions = PackedWord.set(
        "At By Before After Around About Until Till From Since On Shortly Starting Beginning Between Just Early Late"
    )
}
