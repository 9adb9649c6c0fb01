import Testing

/// Numbers, ellipses, quotations, parentheses, `?` and `!`, addresses, missing spaces, list items
/// and CJK punctuation: the punctuation half of the segmenter's rules.
@Suite struct SentenceSegmenterPunctuationTests {
    static let numbers: [SegmentCase] = [
        SegmentCase(
            "Growth was 1.5 percent, or $3.2 million, by 10.30 on Friday.",
            ["Growth was 1.5 percent, or $3.2 million, by 10.30 on Friday."]),
        SegmentCase(
            "The total was 1,000.50 euros. It rose to 2,000.75 later.",
            ["The total was 1,000.50 euros.", "It rose to 2,000.75 later."]),
        SegmentCase(
            "Version 2.0.1 fixed the bug. Version 2.1 did not.",
            ["Version 2.0.1 fixed the bug.", "Version 2.1 did not."]),
        SegmentCase("Prices rose 3.5%. Analysts were surprised.", ["Prices rose 3.5%.", "Analysts were surprised."]),
        SegmentCase("He was born in 1999. In 2000 he moved.", ["He was born in 1999.", "In 2000 he moved."]),
        SegmentCase("The score was 2. 5 players were hurt.", ["The score was 2.", "5 players were hurt."]),
        SegmentCase("Today is 11.18.2014.", ["Today is 11.18.2014."]),
        SegmentCase(
            "I have 1.000.00. Yay $.50 and .50! That's 600.", ["I have 1.000.00.", "Yay $.50 and .50!", "That's 600."]),
        SegmentCase(
            "Yevgeny Nuzhin, 55, was serving a 24-year term.", ["Yevgeny Nuzhin, 55, was serving a 24-year term."]),
        SegmentCase("They paid £3,000. Families get £64,000.", ["They paid £3,000.", "Families get £64,000."]),
        SegmentCase(
            "Testing mixed numbers Jahr10. And another 0.3 %11. That's weird.",
            ["Testing mixed numbers Jahr10.", "And another 0.3 %11.", "That's weird."]),
    ]

    @Test(arguments: numbers)
    func numbersKeepTheirPeriods(_ example: SegmentCase) { example.check() }

    static let ellipses: [SegmentCase] = [
        SegmentCase(
            "Corpses, children, women, executions… When you see it, everything changes.",
            ["Corpses, children, women, executions…", "When you see it, everything changes."]),
        SegmentCase(
            "When people understood with their own heads…They took away our phones.",
            ["When people understood with their own heads…", "They took away our phones."]),
        SegmentCase(
            "They were standing by the car… waving goodbye.", ["They were standing by the car… waving goodbye."]),
        SegmentCase("They kill deserters…it seems.", ["They kill deserters…it seems."]),
        SegmentCase("I understand…the trouble I got into.", ["I understand…the trouble I got into."]),
        SegmentCase("He paused... And then he left.", ["He paused...", "And then he left."]),
        SegmentCase("He paused... and then he left.", ["He paused... and then he left."]),
        SegmentCase("Well . . . I don't know.", ["Well . . . I don't know."], note: "three spaced dots: an omission"),
        SegmentCase("The end is near . . . . Run.", ["The end is near . . . .", "Run."]),
        SegmentCase("Bohr [...] used the analogy [...] (Smith 55).", ["Bohr [...] used the analogy [...] (Smith 55)."]),
        SegmentCase("The text (…) Was cut.", ["The text (…) Was cut."]),
        SegmentCase("He trailed off…\nWait… What?", ["He trailed off…", "Wait…", "What?"]),
        SegmentCase("… And so it began.", ["… And so it began."], note: "a leading ellipsis is not a sentence"),
    ]

    @Test(arguments: ellipses)
    func ellipsesInsideAndAtTheEnd(_ example: SegmentCase) { example.check() }

    static let quotations: [SegmentCase] = [
        SegmentCase("“This is great.” She held the book out.", ["“This is great.”", "She held the book out."]),
        SegmentCase("“This is great,” she said. “Let's go.”", ["“This is great,” she said.", "“Let's go.”"]),
        SegmentCase("‘This is great.’ she said.", ["‘This is great.’ she said."]),
        SegmentCase("She said, \"Stop!\" He stopped.", ["She said, \"Stop!\"", "He stopped."]),
        SegmentCase("She said \"Stop!\" and he stopped.", ["She said \"Stop!\" and he stopped."]),
        SegmentCase("“Why?” he asked. “Why?” He asked again.", ["“Why?” he asked.", "“Why?”", "He asked again."]),
        SegmentCase(
            "“Some were chosen. They were removed,” a source said.",
            ["“Some were chosen.", "They were removed,” a source said."], note: "a quotation splits at its inner ends"),
        SegmentCase(
            "‘There will be no exchange. It will be the end,’ he said. “It will be painful.”",
            ["‘There will be no exchange.", "It will be the end,’ he said.", "“It will be painful.”"]),
        SegmentCase(
            "‘To turn back and leave? We won’t make it home.", ["‘To turn back and leave?", "We won’t make it home."]),
        SegmentCase("Deserters will be “shot”. Others fled.", ["Deserters will be “shot”.", "Others fled."]),
        SegmentCase("It was “tyranny.” Nobody disagreed.", ["It was “tyranny.”", "Nobody disagreed."]),
        SegmentCase(
            "“Both were murdered,” said Olha Troshyna, 62. “They were standing by the car.”",
            ["“Both were murdered,” said Olha Troshyna, 62.", "“They were standing by the car.”"]),
        SegmentCase("`So what?' asks Rep. Norman Dicks.", ["`So what?' asks Rep. Norman Dicks."]),
        SegmentCase("“Why?” Jones asked.", ["“Why?” Jones asked."], note: "a speech tag that opens with a name"),
        SegmentCase("“We will not stop.” Shoigu said.", ["“We will not stop.” Shoigu said."]),
        SegmentCase("“Who’s there?” Mr. Smith asked quietly.", ["“Who’s there?” Mr. Smith asked quietly."]),
        SegmentCase(
            "'Enough!' Prime Minister Boris Johnson told reporters.",
            ["'Enough!' Prime Minister Boris Johnson told reporters."]),
        SegmentCase("“It’s over.” The crowd cheered.", ["“It’s over.”", "The crowd cheered."]),
        SegmentCase("“Is it?” Jones wanted to know.", ["“Is it?”", "Jones wanted to know."]),
        SegmentCase("He said: «Assez. Partons.»", ["He said: «Assez.", "Partons.»"]),
        SegmentCase("That is JFK Jr.’s book.", ["That is JFK Jr.’s book."]),
    ]

    @Test(arguments: quotations)
    func quotationsStayWithTheirSentences(_ example: SegmentCase) { example.check() }

    static let brackets: [SegmentCase] = [
        SegmentCase(
            "The ruling (issued Monday) stands. Appeals are pending.",
            ["The ruling (issued Monday) stands.", "Appeals are pending."]),
        SegmentCase("He left. (He was tired.) Then he slept.", ["He left.", "(He was tired.)", "Then he slept."]),
        SegmentCase("Charles (Ind.) said he would run.", ["Charles (Ind.) said he would run."]),
        SegmentCase("Rothschild & Co. (cited from WSJ) agreed.", ["Rothschild & Co. (cited from WSJ) agreed."]),
        SegmentCase(
            "He teaches science (He was an engineer. He liked it.) at the University.",
            ["He teaches science (He was an engineer. He liked it.) at the University."],
            note: "a closed parenthesis keeps its terminators"),
        SegmentCase("[15:  12:32]  [16:  firma? 13:28]", ["[15:  12:32]  [16:  firma? 13:28]"]),
        SegmentCase(
            "“Dinah'll miss me!” (Dinah was the cat.) “I hope they remember her.”",
            ["“Dinah'll miss me!”", "(Dinah was the cat.)", "“I hope they remember her.”"]),
        SegmentCase(
            "Prices rose (about 5%. Analysts were surprised.", ["Prices rose (about 5%.", "Analysts were surprised."],
            note: "an unclosed parenthesis protects nothing"),
        SegmentCase("The study (2019). The results were clear.", ["The study (2019).", "The results were clear."]),
        SegmentCase(
            "They put heavy armaments [and] troops in cities. It was denied.",
            ["They put heavy armaments [and] troops in cities.", "It was denied."]),
    ]

    @Test(arguments: brackets)
    func parenthesesAndBrackets(_ example: SegmentCase) { example.check() }

    static let questionsAndExclamations: [SegmentCase] = [
        SegmentCase("Why leave? We won't make it home.", ["Why leave?", "We won't make it home."]),
        SegmentCase("She works at Yahoo! in accounting.", ["She works at Yahoo! in accounting."]),
        SegmentCase("Leave me alone!, he yelled.", ["Leave me alone!, he yelled."]),
        SegmentCase("Stop! Now!", ["Stop!", "Now!"]),
        SegmentCase("Really?! I had no idea.", ["Really?!", "I had no idea."]),
        SegmentCase("Is it 5? 10? Nobody knows.", ["Is it 5?", "10?", "Nobody knows."]),
        SegmentCase("He speaks !Xũ and !Kung. He works at Y!J.", ["He speaks !Xũ and !Kung.", "He works at Y!J."]),
        SegmentCase("“Help!” shouted Candy.", ["“Help!” shouted Candy."]),
        SegmentCase(
            "Ghosh at Yahoo! Research built it. It runs at Yahoo! Now it is open.",
            ["Ghosh at Yahoo! Research built it.", "It runs at Yahoo!", "Now it is open."],
            note: "after a name spelled with `!`, only a sentence opener starts a sentence"),
        SegmentCase("Unbelievable??!?!", ["Unbelievable??!?!"]),
    ]

    @Test(arguments: questionsAndExclamations)
    func questionAndExclamationMarks(_ example: SegmentCase) { example.check() }

    static let addresses: [SegmentCase] = [
        SegmentCase(
            "Contact us at webnews@metro.co.uk. We reply fast.",
            ["Contact us at webnews@metro.co.uk.", "We reply fast."]),
        SegmentCase("Email Jane.Doe@example.com for details.", ["Email Jane.Doe@example.com for details."]),
        SegmentCase(
            "Visit https://www.example.com/news/story.html. It has more.",
            ["Visit https://www.example.com/news/story.html.", "It has more."]),
        SegmentCase("See www.testurl.Awesome.com for more.", ["See www.testurl.Awesome.com for more."]),
        SegmentCase("http://testurl.Awesome.com", ["http://testurl.Awesome.com"]),
        SegmentCase("Open report_final.pdf and data.csv now.", ["Open report_final.pdf and data.csv now."]),
        SegmentCase("The file is config.yaml. Edit it.", ["The file is config.yaml.", "Edit it."]),
        SegmentCase("Follow @turkmendagz. He tweets.", ["Follow @turkmendagz.", "He tweets."]),
    ]

    @Test(arguments: addresses)
    func emailAddressesURLsAndFileNames(_ example: SegmentCase) { example.check() }

    static let missingSpaces: [SegmentCase] = [
        SegmentCase(
            "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
            ["Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."]),
        SegmentCase("Visit the U.S.Army base.", ["Visit the U.S.Army base."]),
        SegmentCase("Use Node.js daily.", ["Use Node.js daily."]),
        SegmentCase("Call Mr.Smith now.", ["Call Mr.Smith now."]),
        SegmentCase("ASP.Net is old.", ["ASP.Net is old."]),
        SegmentCase("The E.ON deal closed.", ["The E.ON deal closed."]),
        SegmentCase("It costs $.50 each.", ["It costs $.50 each."]),
        SegmentCase(
            "Apple unveiled it. iPhone sales rose. eBay fell.",
            ["Apple unveiled it.", "iPhone sales rose.", "eBay fell."],
            note: "a word with a capital after its first letter opens a sentence"),
        SegmentCase("Use mRNA vaccines. mRNA is fragile.", ["Use mRNA vaccines.", "mRNA is fragile."]),
    ]

    @Test(arguments: missingSpaces)
    func missingSpaceAfterAPeriod(_ example: SegmentCase) { example.check() }

    static let lists: [SegmentCase] = [
        SegmentCase("a) Apples b) Pears c) Plums", ["a) Apples", "b) Pears", "c) Plums"]),
        SegmentCase("(i) First point (ii) Second point", ["(i) First point", "(ii) Second point"]),
        SegmentCase("(a) a permit; and (b) a fee.", ["(a) a permit; and (b) a fee."], note: "lowercase items run on"),
        SegmentCase("The law requires (i) a permit and (ii) a fee.", ["The law requires (i) a permit and (ii) a fee."]),
        SegmentCase("1. Open the box.\n2. Remove the item.", ["1. Open the box.", "2. Remove the item."]),
        SegmentCase("Steps: 1. Open the box. 2. Remove the item.", ["Steps: 1. Open the box.", "2. Remove the item."]),
        SegmentCase(
            "As payment for 1. above, pay us. For 2. above, nothing.",
            ["As payment for 1. above, pay us.", "For 2. above, nothing."]),
        SegmentCase("I have 600. How many do you have?", ["I have 600.", "How many do you have?"]),
        SegmentCase("10. The tenth item", ["10. The tenth item"]),
        SegmentCase("IV. The empire fell.", ["IV. The empire fell."]),
        SegmentCase("1) The first item 3) Not the next one", ["1) The first item 3) Not the next one"]),
        SegmentCase("A. Introduction B. Methods", ["A. Introduction", "B. Methods"]),
        SegmentCase(
            "Finally, this. 1. The first item 2. The second item 3. Hello",
            ["Finally, this.", "1. The first item", "2. The second item", "3. Hello"],
            note: "a list can start after a sentence inside the line"),
        SegmentCase(
            "His name is Mark E. Smith. a. here it is b. another c. one more",
            ["His name is Mark E. Smith.", "a. here it is", "b. another", "c. one more"]),
        SegmentCase(
            "They went to the store. w) hello x) hello y) hello",
            ["They went to the store.", "w) hello", "x) hello", "y) hello"]),
        SegmentCase(
            "(a) Hello world. (b) Hello world. (c) Hello world.",
            ["(a) Hello world.", "(b) Hello world.", "(c) Hello world."]),
        SegmentCase("i) One. \nii) Two.\niii) Three.", ["i) One.", "ii) Two.", "iii) Three."]),
        SegmentCase("He ate. a. m. is early.", ["He ate. a. m. is early."], note: "no list without a next item"),
    ]

    @Test(arguments: lists)
    func numberedAndLetteredListItems(_ example: SegmentCase) { example.check() }

    static let ideographic: [SegmentCase] = [
        SegmentCase(
            "Test strange period．Does it segment correctly．", ["Test strange period．", "Does it segment correctly．"]),
        SegmentCase("今天天气很好。我们去公园吧！好吗？", ["今天天气很好。", "我们去公园吧！", "好吗？"]),
    ]

    @Test(arguments: ideographic)
    func ideographicFullStops(_ example: SegmentCase) { example.check() }
}
