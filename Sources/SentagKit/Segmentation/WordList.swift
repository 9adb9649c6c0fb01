/// Word lists the boundary rules consult for the word after an abbreviation.
///
/// Words are matched as written (case-sensitive) on their ASCII letters: `I'm` is matched as `I`,
/// `It’s` as `It`.
enum WordList {
    /// Capitalised words that, after an abbreviation that can also end a sentence (`U.S.`,
    /// `Inc.`, `co.`, an initial), show that a new sentence has begun: pronouns, determiners,
    /// conjunctions, sentence adverbs, question words and auxiliaries.
    ///
    /// Names and nouns are left out on purpose: `U.S. Army`, `J.C. Penney`, `Jonas E. Smith`
    /// continue the sentence.
    static let sentenceStarters = PackedWord.set(
        """
        A An The He She It Its They We You I This That These Those There Their His Her Our My Your \
        But And Or Nor So Yet However Meanwhile Still Also Then Now Thus Instead Indeed Here In On \
        At For From If When While After Before Since Although Though As Because During Despite \
        Unlike Under With Without According What Why How Who Whom Whose Where Which Many Some Most \
        Both Each Every All Any Several Few One No Not None Only Even Such Other Others More \
        Millions Thousands Hundreds Being Did Do Does Is Are Was Were Can Could Would Should Has \
        Have Had Today Yesterday Tomorrow Last Next Earlier Later Let Please Yes Must Might Shall \
        Isn Aren Wasn Weren Doesn Didn Couldn Wouldn Shouldn Hasn Haven Hadn Another Either Neither \
        Much Nobody Nothing Everyone Everybody Everything Someone Somebody Something Anyone Anything \
        Whether Whatever Whoever Unless Until Once Upon Within Through Throughout Toward Towards \
        Across Against Along Amid Among Beyond Besides Perhaps Therefore Moreover Furthermore \
        Nevertheless Nonetheless Otherwise Likewise Similarly Separately Additionally Finally \
        Eventually Initially Previously Recently Currently Often Usually Never Almost Nearly Asked \
        Speaking Citing Following Having Given
        """)

    /// Capitalised words that continue a noun phrase after a name suffix or a place (`Acme Corp.
    /// Chairman John Smith`, `Martin Luther King Jr. Day`, `Acme Corp. Tuesday said`,
    /// `Washington, D.C. Mayor`): offices and ranks, the nouns that turn a name into the name of a
    /// place or an institution, company forms, days and months.
    static let nameContinuations = PackedWord.set(
        """
        Chairman Chairwoman Chair Chairperson President Vice Chief Executive Director Managing \
        Manager General Senior Deputy Head Founder Cofounder Treasurer Secretary Spokesman \
        Spokeswoman Spokesperson Counsel Partner Owner Editor Publisher Governor Gov Mayor \
        Commissioner Superintendent Sheriff Judge Justice Attorney Councilman Councilwoman Council \
        Sen Senator Rep Representative Delegate Assemblyman Assemblywoman Congressman \
        Congresswoman Ambassador Minister Premier Officer Lt Gen Col Capt Sgt Adm Maj Board Trustee \
        Trustees Day Boulevard Blvd Avenue Ave Street Road Drive Highway Parkway Expressway Bridge \
        Tunnel Park Plaza Square Center Centre Building Tower Towers Hall Library Museum Memorial \
        Hospital Clinic Institute Foundation School High Elementary Middle Academy College \
        University Stadium Arena Field Airport Station Award Awards Prize Scholarship Fund Trust \
        Lecture Chapel Church Cemetery Theater Theatre Auditorium Campus Headquarters Plant Factory \
        Division Unit Group Holdings Show Band Orchestra Papers Estate Trophy Cup Classic Room Wing \
        Professor Professorship Collection Gallery Inc Corp Co Cos Ltd Bros Jr Sr Monday Tuesday Wednesday \
        Thursday Friday Saturday Sunday January February March April May June July August \
        September October November December
        """)

    /// Capitalised plurals that follow a country or state inside a name (`U.S. Marines`, `U.S.
    /// Treasuries rallied`, `U.S. Customs officials`, `U.S. Democrats`): after a place, any other
    /// capitalised plural followed by a lowercase word opens a sentence (`the U.S. Lawyers for`).
    static let pluralNameParts = PackedWord.set(
        """
        Marines Forces Airways Airlines Treasuries Treasurys Securities Olympics Paralympics \
        Nationals Championships Games Islands Marshals Attorneys Rangers Customs Steelworkers \
        Masters Democrats Republicans Conservatives Liberals Socialists Greens Catholics Bishops \
        Armed Affairs Relations Services Industries Sciences Studies Laboratories Labs Dollars Bonds \
        Notes Bills Stocks Shares Equities Futures Markets Savings Lines Railways Railroads Mines \
        Works Systems Communications Technologies Pharmaceuticals Partners Associates Holdings \
        Brands Foods Motors Mills Stores Sports News Times Rules Standards Senators Representatives \
        Congressmen Congresswomen Governors Ambassadors Ministers Commissioners Generals Admirals \
        Peacekeepers Muslims Jews Christians Protestants Evangelicals Mormons Hindus Sikhs Buddhists \
        Latinos Hispanics Asians Americans Europeans Africans Arabs Indians Blacks Whites Olympians
        """)

    /// Lowercase words that follow the subject of a clause: auxiliaries, modals, frequent verbs
    /// of news text and the adverbs that sit between a subject and its verb.
    ///
    /// After a capitalised word, one of them (or a word ending in `-ed` or `-s`) shows that a
    /// clause has begun (`Carver said`, `Production will`, `Staff there`), where a name part
    /// would be followed by a noun (`Google unit`, `Tide detergent`).
    static let clauseVerbs = PackedWord.set(
        """
        is are was were be been has have had do does did will would shall should can could may might \
        must said says told tells added adds noted notes agreed agrees expects plans wants began begins \
        became becomes made makes took takes gave gives got gets sold sells bought buys paid pays rose \
        rises fell falls won wins lost loses left leaves kept keeps held holds met meets ran runs set \
        sets cut cuts put puts hit hits led leads saw sees found finds went goes came comes thought \
        thinks knew knows grew grows spent spends sent sends built builds brought brings felt feels \
        showed shows reports owns remain remains say tell think know want need see also still now then \
        there here later often never already soon too again once first last
        """)

    /// Prepositions that open a sentence with a phrase (`In the U.S. Democrats hold…`, `Across
    /// Washington, D.C. Residents…`): a sentence that is only such a phrase so far has not ended.
    static let phraseOpeningPrepositions = PackedWord.set(
        """
        In At On From For By With Across Around Outside Inside Throughout Within Near Beyond Like \
        Unlike Under Over Among Along Between Through After Before Since During
        """)

    /// The lowercase words a prepositional phrase can hold before a name (`in the`, `of the`,
    /// `across much of`).
    static let phraseFunctionWords = PackedWord.set(
        "the a an of and or in on at to for from by with near across around much all most"
    )

    /// Personal titles that, written with their period after an abbreviation that can end a
    /// sentence, open the next one (`& Co. Mr. Jones`).
    ///
    /// Ranks and offices are left out: they follow an initialism inside a sentence
    /// (`U.S. Rep. Adam Schiff`, `U.S. Gen. Milley`).
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
