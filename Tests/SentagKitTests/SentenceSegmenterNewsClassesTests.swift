import Testing

/// The five kinds of error issue 9 found on news the segmenter had never seen, each with the
/// shapes that must split and the look-alikes that must not.
///
/// All texts are made up for these tests.
@Suite struct SentenceSegmenterNewsClassesTests {
    // MARK: 1. A sentence that ends with an abbreviation

    static let sentenceFinalAbbreviations: [SegmentCase] = [
        // Company forms after a name, before a capitalised clause.
        SegmentCase(
            "The plant was sold to a unit of Acme Corp. Shareholders will vote in March.",
            ["The plant was sold to a unit of Acme Corp.", "Shareholders will vote in March."]),
        SegmentCase(
            "The stake is held by Kellerman Cos. Kellerman declined to comment.",
            ["The stake is held by Kellerman Cos.", "Kellerman declined to comment."]),
        SegmentCase(
            "He spent 30 years at Ford Motor Co. Smith retired in 2015.",
            ["He spent 30 years at Ford Motor Co.", "Smith retired in 2015."]),
        SegmentCase(
            "The suit names Harbor Freight LLC. Lawyers for the retailer did not respond.",
            ["The suit names Harbor Freight LLC.", "Lawyers for the retailer did not respond."]),
        SegmentCase(
            "Ownership passed to Lazard Freres & Cie. Details of the price were not disclosed.",
            ["Ownership passed to Lazard Freres & Cie.", "Details of the price were not disclosed."]),
        SegmentCase(
            "The engines come from Orlov Motori S.p.A. Production starts in May.",
            ["The engines come from Orlov Motori S.p.A.", "Production starts in May."]),
        // States and districts after `City,`.
        SegmentCase(
            "He was born in Springfield, Ill. Doctors there treated his asthma.",
            ["He was born in Springfield, Ill.", "Doctors there treated his asthma."]),
        SegmentCase(
            "The storm hit Mobile, Ala. Power was out for two days.",
            ["The storm hit Mobile, Ala.", "Power was out for two days."]),
        SegmentCase(
            "The suspect was arrested in Reno, Nev. Police said he did not resist.",
            ["The suspect was arrested in Reno, Nev.", "Police said he did not resist."]),
        SegmentCase(
            "The firm has an office in Washington, D.C. Staff there will move in June.",
            ["The firm has an office in Washington, D.C.", "Staff there will move in June."]),
        SegmentCase(
            "Flooding closed roads around Albany, N.Y. Schools were shut on Tuesday.",
            ["Flooding closed roads around Albany, N.Y.", "Schools were shut on Tuesday."]),
        // Countries, before a capitalised plural that is not part of a name.
        SegmentCase(
            "The family moved back to the U.S. Lawyers for the family declined to comment.",
            ["The family moved back to the U.S.", "Lawyers for the family declined to comment."]),
        SegmentCase(
            "Exports to the U.K. fell by a third. Prices are higher in the U.K. Economists blame the pound.",
            ["Exports to the U.K. fell by a third.", "Prices are higher in the U.K.", "Economists blame the pound."]),
        SegmentCase(
            "The plan was rejected at the U.N. Diplomats said talks would resume.",
            ["The plan was rejected at the U.N.", "Diplomats said talks would resume."]),
        // Name suffixes and phrase ends.
        SegmentCase(
            "The award went to John Smith Jr. Smith said he was grateful.",
            ["The award went to John Smith Jr.", "Smith said he was grateful."]),
        SegmentCase(
            "The letter was signed by Harold Webb, Jr. Webb died in 1998.",
            ["The letter was signed by Harold Webb, Jr.", "Webb died in 1998."]),
        SegmentCase(
            "They sold apples, pears, plums, etc. Prices rose all summer.",
            ["They sold apples, pears, plums, etc.", "Prices rose all summer."]),
        SegmentCase(
            "The box weighed 40 lbs. Movers needed three people to lift it.",
            ["The box weighed 40 lbs.", "Movers needed three people to lift it."]),
        // Closed-class openers end a sentence after any of them.
        SegmentCase(
            "The vote was held across the E.U. Nevertheless turnout was low.",
            ["The vote was held across the E.U.", "Nevertheless turnout was low."]),
    ]

    @Test(arguments: sentenceFinalAbbreviations)
    func sentenceFinalAbbreviationsEndTheirSentence(_ example: SegmentCase) { example.check() }

    static let midSentenceAbbreviations: [SegmentCase] = [
        // Titles and offices.
        SegmentCase("Mr. Jones said the company would appeal.", ["Mr. Jones said the company would appeal."]),
        SegmentCase("Texas Gov. Rick Perry signed the bill.", ["Texas Gov. Rick Perry signed the bill."]),
        SegmentCase(
            "Lt. Gov. Dan Patrick and Sen. John Cornyn attended.",
            ["Lt. Gov. Dan Patrick and Sen. John Cornyn attended."]),
        SegmentCase("TEXAS GOV. RICK PERRY SIGNED THE BILL.", ["TEXAS GOV. RICK PERRY SIGNED THE BILL."]),
        // Names, offices, days and facilities after a company form or a name suffix.
        SegmentCase(
            "Acme Corp. Chairman and Chief Executive John Smith was paid $12 million.",
            ["Acme Corp. Chairman and Chief Executive John Smith was paid $12 million."]),
        SegmentCase(
            "Acme Corp. Tuesday reported a loss of $5 million.", ["Acme Corp. Tuesday reported a loss of $5 million."]),
        SegmentCase(
            "Acme Corp. John Smith said nothing.", ["Acme Corp. John Smith said nothing."],
            note: "several capitalised words may be an appositive: left alone"),
        SegmentCase(
            "Warner Bros. Discovery said it would cut jobs.", ["Warner Bros. Discovery said it would cut jobs."]),
        SegmentCase(
            "Alphabet Inc. Google unit sales rose.", ["Alphabet Inc. Google unit sales rose."],
            note: "a name part is followed by a noun, a new subject by a verb"),
        SegmentCase("Shares of Smith & Co. Ltd. fell 5%.", ["Shares of Smith & Co. Ltd. fell 5%."]),
        SegmentCase(
            "Police in Co. Kerry said the man was missing.", ["Police in Co. Kerry said the man was missing."],
            note: "a company form not after a name is a prefix (County)"),
        SegmentCase(
            "Martin Luther King Jr. Day falls on a Monday.", ["Martin Luther King Jr. Day falls on a Monday."]),
        SegmentCase(
            "The nun, Sr. Helen Prejean, spoke against it.", ["The nun, Sr. Helen Prejean, spoke against it."]),
        // Names and institutions after a state or a country.
        SegmentCase(
            "Washington, D.C. Mayor Muriel Bowser spoke.", ["Washington, D.C. Mayor Muriel Bowser spoke."]),
        SegmentCase("The N.Y. Giants won again.", ["The N.Y. Giants won again."]),
        SegmentCase("The U.S. Army said the soldiers were safe.", ["The U.S. Army said the soldiers were safe."]),
        SegmentCase("He served in the U.S. Navy for 20 years.", ["He served in the U.S. Navy for 20 years."]),
        SegmentCase("The U.S. Marines have left the base.", ["The U.S. Marines have left the base."]),
        SegmentCase("Polls show U.S. Muslims have faced more bias.", ["Polls show U.S. Muslims have faced more bias."]),
        SegmentCase("The U.S. Census figures were released.", ["The U.S. Census figures were released."]),
        SegmentCase("I work for the U.S. Government in Virginia.", ["I work for the U.S. Government in Virginia."]),
        SegmentCase(
            "In the U.S. Democrats hold a narrow majority.", ["In the U.S. Democrats hold a narrow majority."],
            note: "a fronted prepositional phrase is not a sentence"),
        SegmentCase(
            "Across the U.S. Schools are struggling to hire.", ["Across the U.S. Schools are struggling to hire."]),
        SegmentCase(
            "In Washington, D.C. Residents pay a local tax.", ["In Washington, D.C. Residents pay a local tax."]),
        SegmentCase(
            "Seattle, Wash. Gov. Jay Inslee toured the site.", ["Seattle, Wash. Gov. Jay Inslee toured the site."]),
        // Title-case headlines: a run of capitalised words.
        SegmentCase("Acme Corp. Shares Fall On Weak Outlook", ["Acme Corp. Shares Fall On Weak Outlook"]),
        SegmentCase("Springfield, Ill. Man Charged In Robbery", ["Springfield, Ill. Man Charged In Robbery"]),
    ]

    @Test(arguments: midSentenceAbbreviations)
    func midSentenceAbbreviationsDoNotSplit(_ example: SegmentCase) { example.check() }

    // MARK: 2. A quotation glued to the next sentence

    static let quotationThenSentence: [SegmentCase] = [
        SegmentCase(
            "“We will appeal.” Mr. Hart says the ruling ignores the evidence.",
            ["“We will appeal.”", "Mr. Hart says the ruling ignores the evidence."]),
        SegmentCase(
            "\"The plan is dead.\" Protests continued across the city for a week.",
            ["\"The plan is dead.\"", "Protests continued across the city for a week."]),
        SegmentCase(
            "\"We are not leaving!\" Protesters stayed in the square until dawn.",
            ["\"We are not leaving!\"", "Protesters stayed in the square until dawn."]),
        SegmentCase(
            "\"They lied to us.\" Jones told the court that he had been misled.",
            ["\"They lied to us.\"", "Jones told the court that he had been misled."]),
        SegmentCase(
            "“The market is tired.” Traders agree that volumes have dropped.",
            ["“The market is tired.”", "Traders agree that volumes have dropped."]),
        SegmentCase(
            "\"That is the law.\" Judge Ann Lee wrote that the statute was clear.",
            ["\"That is the law.\"", "Judge Ann Lee wrote that the statute was clear."]),
    ]

    @Test(arguments: quotationThenSentence)
    func aClauseAfterAClosedQuotationStartsASentence(_ example: SegmentCase) { example.check() }

    static let quotationAttributions: [SegmentCase] = [
        SegmentCase("\"We will win,\" said Mr. Jones.", ["\"We will win,\" said Mr. Jones."]),
        SegmentCase("“It is over,” Mr. Jones said. “We lost.”", ["“It is over,” Mr. Jones said.", "“We lost.”"]),
        SegmentCase("\"Why now?\" she asked.", ["\"Why now?\" she asked."]),
        SegmentCase("\"Why now?\" Jones asked the crowd.", ["\"Why now?\" Jones asked the crowd."]),
        SegmentCase("\"We will not stop.\" Shoigu said.", ["\"We will not stop.\" Shoigu said."]),
        SegmentCase(
            "\"Enough!\" Prime Minister Boris Johnson told reporters.",
            ["\"Enough!\" Prime Minister Boris Johnson told reporters."]),
        SegmentCase(
            "“The plan failed.” Jones said, adding that he would resign.",
            ["“The plan failed.” Jones said, adding that he would resign."]),
    ]

    @Test(arguments: quotationAttributions)
    func aSpeechTagKeepsItsQuotation(_ example: SegmentCase) { example.check() }

    // MARK: 3. Rare abbreviations and initials

    static let rareAbbreviationsAndInitials: [SegmentCase] = [
        SegmentCase("He shops at Jos. A. Bank on weekends.", ["He shops at Jos. A. Bank on weekends."]),
        SegmentCase("She earned a Ph. D. in physics at Yale.", ["She earned a Ph. D. in physics at Yale."]),
        SegmentCase("She has a Ph.D. in chemistry.", ["She has a Ph.D. in chemistry."]),
        SegmentCase("Thos. J. Watson built the company.", ["Thos. J. Watson built the company."]),
        SegmentCase("Wm. Wrigley Jr. Co. makes gum.", ["Wm. Wrigley Jr. Co. makes gum."]),
        SegmentCase("Jacob F. \"Jake\" Smith was elected mayor.", ["Jacob F. \"Jake\" Smith was elected mayor."]),
        SegmentCase("Mary E. “Beth” Jones won the race.", ["Mary E. “Beth” Jones won the race."]),
        SegmentCase("George H. W. Bush was the 41st president.", ["George H. W. Bush was the 41st president."]),
        SegmentCase(
            "Lazard Freres & Cie. Chairman Michel David spoke.", ["Lazard Freres & Cie. Chairman Michel David spoke."]),
        SegmentCase("He studied at Cie. Generale de Geophysique.", ["He studied at Cie. Generale de Geophysique."]),
        SegmentCase(
            "Fiat S.p.A. Chief Executive Sergio Marchionne met the unions.",
            ["Fiat S.p.A. Chief Executive Sergio Marchionne met the unions."]),
        SegmentCase("Alfa S.p.A. and Beta S.A. are partners.", ["Alfa S.p.A. and Beta S.A. are partners."]),
        SegmentCase(
            "Former Gov. Rick Perry, who ran for president, spoke.",
            ["Former Gov. Rick Perry, who ran for president, spoke."]),
        SegmentCase(
            "World War I. \"We will fight,\" he said.", ["World War I.", "\"We will fight,\" he said."],
            note: "a quotation that is not a nickname still opens a sentence"),
    ]

    @Test(arguments: rareAbbreviationsAndInitials)
    func rareAbbreviationsAndInitialsStayInsideTheirName(_ example: SegmentCase) { example.check() }

    // MARK: 4. Inside quotations

    static let insideQuotations: [SegmentCase] = [
        SegmentCase(
            "\"I was going to see you Wednesday?... Thursday.\" He hung up.",
            ["\"I was going to see you Wednesday?... Thursday.\"", "He hung up."]),
        SegmentCase("\"Is it Monday? Tuesday?\" she asked.", ["\"Is it Monday? Tuesday?\" she asked."]),
        SegmentCase("“Who did it? Jones?” the officer asked.", ["“Who did it? Jones?” the officer asked."]),
        SegmentCase("“Was it O’Brien? Or Kelly?”", ["“Was it O’Brien? Or Kelly?”"]),
        SegmentCase(
            "\"Why leave? We won't make it home,\" he said.", ["\"Why leave?", "We won't make it home,\" he said."],
            note: "a full clause after the question is a real inner sentence end"),
        SegmentCase(
            "“What will we eat? What will we drink?” she asked.",
            ["“What will we eat?", "What will we drink?” she asked."]),
        SegmentCase("Is it 5? 10? Nobody knows.", ["Is it 5?", "10?", "Nobody knows."], note: "no quotation to close"),
    ]

    @Test(arguments: insideQuotations)
    func fragmentsInsideAQuotationContinueIt(_ example: SegmentCase) { example.check() }

    // MARK: 5. Dash-led turns

    static let dashLedTurns: [SegmentCase] = [
        SegmentCase(
            "What will happen in the future? - Despite the fact that prices rose, nobody left.",
            ["What will happen in the future?", "- Despite the fact that prices rose, nobody left."]),
        SegmentCase(
            "We met in Berlin. -- The talks went on for hours.",
            ["We met in Berlin.", "-- The talks went on for hours."]),
        SegmentCase("Why did you leave? – Because it left me.", ["Why did you leave?", "– Because it left me."]),
        SegmentCase(
            "How long will it last? — Nobody knows, he said.", ["How long will it last?", "— Nobody knows, he said."]),
        SegmentCase(
            "The talks ended. - What happens next? - We wait.",
            ["The talks ended.", "- What happens next?", "- We wait."]),
        SegmentCase("Is it over? - \"Not yet.\"", ["Is it over?", "- \"Not yet.\""]),
        SegmentCase("He left. - and she followed.", ["He left. - and she followed."], note: "lowercase continues"),
        SegmentCase("Prices rose in Jan. - Feb. as expected.", ["Prices rose in Jan. - Feb. as expected."]),
        SegmentCase("The price - about $5 - was fair.", ["The price - about $5 - was fair."]),
    ]

    @Test(arguments: dashLedTurns)
    func aDashLedTurnStartsASentence(_ example: SegmentCase) { example.check() }
}
