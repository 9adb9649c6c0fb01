import Testing

/// Periods that do not end a sentence: titles, months, initialisms, times, company and other
/// abbreviations, initials; and the same abbreviations where they do end one.
@Suite struct SentenceSegmenterAbbreviationTests {
    static let titles: [SegmentCase] = [
        SegmentCase("Mr. Putin met Dr. Smith and Gen. Milley.", ["Mr. Putin met Dr. Smith and Gen. Milley."]),
        SegmentCase(
            "Sen. Warren and Rep. Ocasio-Cortez spoke. Gov. Newsom did not.",
            ["Sen. Warren and Rep. Ocasio-Cortez spoke.", "Gov. Newsom did not."]),
        SegmentCase(
            "Prof. Jones and Mrs. Jones arrived. Lt. Col. Vindman testified.",
            ["Prof. Jones and Mrs. Jones arrived.", "Lt. Col. Vindman testified."]),
        SegmentCase("Ms. Lee, Capt. Ahab and Sgt. Pepper sang.", ["Ms. Lee, Capt. Ahab and Sgt. Pepper sang."]),
        SegmentCase(
            "The FSB, once headed by Mr. Putin, is involved.", ["The FSB, once headed by Mr. Putin, is involved."]),
        SegmentCase(
            "See St. Petersburg, Mt. Everest and Ft. Worth.", ["See St. Petersburg, Mt. Everest and Ft. Worth."]),
        SegmentCase("They met on St. Patrick's Day.", ["They met on St. Patrick's Day."]),
        SegmentCase(
            "He lives on Main St. The house is blue.", ["He lives on Main St.", "The house is blue."],
            note: "St. after a name is Street, and can end a sentence"),
        SegmentCase(
            "Kramer vs. Kramer won. Smith v. Jones was decided.",
            ["Kramer vs. Kramer won.", "Smith v. Jones was decided."]),
        SegmentCase(
            "Many countries, e.g. France and Germany, agreed; some, i.e. The Times, refused.",
            ["Many countries, e.g. France and Germany, agreed; some, i.e. The Times, refused."]),
    ]

    @Test(arguments: titles)
    func titlesDoNotEndSentences(_ example: SegmentCase) { example.check() }

    static let months: [SegmentCase] = [
        SegmentCase(
            "The footage was released on Sept. 15 on Telegram.", ["The footage was released on Sept. 15 on Telegram."]),
        SegmentCase(
            "He reported on Monday, Oct. 17. The next day was quiet.",
            ["He reported on Monday, Oct. 17.", "The next day was quiet."]),
        SegmentCase("The deal closed in Jan. The market rose.", ["The deal closed in Jan.", "The market rose."]),
        SegmentCase("Jun. is a great month, said Mr. Suzuki.", ["Jun. is a great month, said Mr. Suzuki."]),
        SegmentCase("The Scavenger Hunt ends on Dec. 31st, 2011.", ["The Scavenger Hunt ends on Dec. 31st, 2011."]),
        SegmentCase("Writing on Oct. 6, MEP Urmas Paet warned.", ["Writing on Oct. 6, MEP Urmas Paet warned."]),
        SegmentCase(
            "He sat. Nobody spoke.", ["He sat.", "Nobody spoke."],
            note: "`sat` is a day only when capitalised"),
    ]

    @Test(arguments: months)
    func monthsAndDays(_ example: SegmentCase) { example.check() }

    static let initialisms: [SegmentCase] = [
        SegmentCase("A senior U.S. defense official spoke.", ["A senior U.S. defense official spoke."]),
        SegmentCase("Troops left the U.K. They returned in May.", ["Troops left the U.K.", "They returned in May."]),
        SegmentCase("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        SegmentCase("E.U. leaders met in Brussels.", ["E.U. leaders met in Brussels."]),
        SegmentCase("He moved to Washington, D.C. in 1990.", ["He moved to Washington, D.C. in 1990."]),
        SegmentCase("She studied in the U.S.A. and Canada.", ["She studied in the U.S.A. and Canada."]),
        SegmentCase("I am in the U.S. Army. Charles said so.", ["I am in the U.S. Army.", "Charles said so."]),
        SegmentCase(
            "There were 500 cases in the U.S. The U.S. Commission asked the U.S. Government to act.",
            ["There were 500 cases in the U.S.", "The U.S. Commission asked the U.S. Government to act."]),
        SegmentCase("I live in the U.S.A. I went to J.C. Penney.", ["I live in the U.S.A.", "I went to J.C. Penney."]),
        SegmentCase("Send it to P.O. box 6554", ["Send it to P.O. box 6554"]),
        SegmentCase("She has a Ph.D. in physics.", ["She has a Ph.D. in physics."]),
        SegmentCase(
            "U.S. Rep. Adam Schiff and U.S. Sen. Ted Cruz spoke.",
            ["U.S. Rep. Adam Schiff and U.S. Sen. Ted Cruz spoke."],
            note: "a rank after an initialism continues the sentence"),
        SegmentCase("They met at Smith & Co. Mr. Jones was late.", ["They met at Smith & Co.", "Mr. Jones was late."]),
        SegmentCase("Bruce Springsteen, a.k.a. The Boss, played.", ["Bruce Springsteen, a.k.a. The Boss, played."]),
        SegmentCase(
            "He moved to the U.S. in 2001. He became a citizen.",
            ["He moved to the U.S. in 2001.", "He became a citizen."]),
        SegmentCase(
            "On Jan. 20, former Sen. Barack Obama became the 44th President of the U.S. Millions attended.",
            ["On Jan. 20, former Sen. Barack Obama became the 44th President of the U.S.", "Millions attended."]),
        SegmentCase(
            "Officials in the U.S. “We will respond,” one said.",
            ["Officials in the U.S.", "“We will respond,” one said."], note: "an opening quote after U.S. starts anew"),
    ]

    @Test(arguments: initialisms)
    func countryAndOtherInitialisms(_ example: SegmentCase) { example.check() }

    static let times: [SegmentCase] = [
        SegmentCase(
            "The polls open at 7 a.m. and close at 8 p.m. local time.",
            ["The polls open at 7 a.m. and close at 8 p.m. local time."]),
        SegmentCase(
            "The game is the Giants vs. the Tigers at 10 p.m. I'm going are you?",
            ["The game is the Giants vs. the Tigers at 10 p.m.", "I'm going are you?"]),
        SegmentCase("The meeting starts at 9 a.m. Monday in Kyiv.", ["The meeting starts at 9 a.m. Monday in Kyiv."]),
        SegmentCase("Trading opens at 9:30 a.m. ET on weekdays.", ["Trading opens at 9:30 a.m. ET on weekdays."]),
        SegmentCase(
            "He arrived at 11 p.m. Police were already there.", ["He arrived at 11 p.m.", "Police were already there."]),
        SegmentCase(
            "By 6 p.m. The crowd had gone home.", ["By 6 p.m. The crowd had gone home."],
            note: "a time that opens its sentence is part of it"),
        SegmentCase("The show ends at 10 PM. Then the news.", ["The show ends at 10 PM.", "Then the news."]),
        SegmentCase("I am. You are.", ["I am.", "You are."], note: "`am` is a time only as `a.m.` or `AM`"),
        SegmentCase(
            "He left at 6 a.m. Travelers who missed the warning at 5 a.m. left later.",
            ["He left at 6 a.m.", "Travelers who missed the warning at 5 a.m. left later."]),
        SegmentCase(
            "The suspect was arrested at 3:15 a.m. Saturday. He was charged.",
            ["The suspect was arrested at 3:15 a.m. Saturday.", "He was charged."]),
    ]

    @Test(arguments: times)
    func clockTimes(_ example: SegmentCase) { example.check() }

    static let others: [SegmentCase] = [
        SegmentCase(
            "Apple Inc. said sales rose. Microsoft Corp. did not comment.",
            ["Apple Inc. said sales rose.", "Microsoft Corp. did not comment."]),
        SegmentCase("He works for Acme Inc. He started in 2019.", ["He works for Acme Inc.", "He started in 2019."]),
        SegmentCase("Shares of Smith & Co. Ltd. fell 5%.", ["Shares of Smith & Co. Ltd. fell 5%."]),
        SegmentCase(
            "CELLULAR COMMUNICATIONS INC. sold 1,550,000 common shares at $21.75 each yesterday, according to lead underwriter L.F. Rothschild & Co. (cited from WSJ 05/29/1987)",
            [
                "CELLULAR COMMUNICATIONS INC. sold 1,550,000 common shares at $21.75 each yesterday, according to lead underwriter L.F. Rothschild & Co. (cited from WSJ 05/29/1987)"
            ]),
        SegmentCase("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        SegmentCase("He is no. 5, the shortstop.", ["He is no. 5, the shortstop."]),
        SegmentCase("The answer was no. Nobody was surprised.", ["The answer was no.", "Nobody was surprised."]),
        SegmentCase("Apples, pears, etc. are fruit.", ["Apples, pears, etc. are fruit."]),
        SegmentCase("We bought apples, pears, etc. Then we left.", ["We bought apples, pears, etc.", "Then we left."]),
        SegmentCase(
            "Martin Luther King Jr. Day is a holiday. He met John Smith Jr. He was tall.",
            ["Martin Luther King Jr. Day is a holiday.", "He met John Smith Jr.", "He was tall."]),
        SegmentCase(
            "Pages p. 55 and pp. 60-62 matter; see Fig. 3 and Vol. 2, ch. 4.",
            ["Pages p. 55 and pp. 60-62 matter; see Fig. 3 and Vol. 2, ch. 4."]),
        SegmentCase("He loves art. Museums bore him.", ["He loves art.", "Museums bore him."]),
        SegmentCase(
            "Rep. Norman Dicks (D., Wash.), a member, spoke.", ["Rep. Norman Dicks (D., Wash.), a member, spoke."]),
        SegmentCase(
            "He was born in Springfield, Ill. He moved later.", ["He was born in Springfield, Ill.", "He moved later."]),
        SegmentCase("She fell ill. Doctors came.", ["She fell ill.", "Doctors came."]),
        SegmentCase("It weighs 5 lbs. The box is heavy.", ["It weighs 5 lbs.", "The box is heavy."]),
        SegmentCase(
            "He works for ABC Ltd. and sometimes for BCD Ltd. She works for ABC Co. and BCD Co.",
            ["He works for ABC Ltd. and sometimes for BCD Ltd.", "She works for ABC Co. and BCD Co."]),
        SegmentCase(
            "The company, based in St. Louis, Mo., said revenue rose 4.5%. Its shares fell.",
            ["The company, based in St. Louis, Mo., said revenue rose 4.5%.", "Its shares fell."]),
        SegmentCase(
            "Gen. Valery Gerasimov, Lt. Gen. Sergei Surovikin and Col. Gen. Alexander Lapin met.",
            ["Gen. Valery Gerasimov, Lt. Gen. Sergei Surovikin and Col. Gen. Alexander Lapin met."]),
        SegmentCase(
            "The nurse gave him the i.v. in his vein. She gave him the I.V. It was night.",
            ["The nurse gave him the i.v. in his vein.", "She gave him the I.V.", "It was night."]),
    ]

    @Test(arguments: others)
    func otherAbbreviations(_ example: SegmentCase) { example.check() }

    static let initials: [SegmentCase] = [
        SegmentCase(
            "Jonas E. Smith and George W. Bush met J. R. R. Tolkien.",
            ["Jonas E. Smith and George W. Bush met J. R. R. Tolkien."]),
        SegmentCase("World War I. The war ended in 1918.", ["World War I.", "The war ended in 1918."]),
        SegmentCase("It was Plan B. It worked.", ["It was Plan B.", "It worked."]),
        SegmentCase(
            "Q. What is his name? A. His name is Alfred E. Sloan.",
            ["Q. What is his name?", "A. His name is Alfred E. Sloan."]),
        SegmentCase("His name is Alfred E. Sloan.", ["His name is Alfred E. Sloan."]),
        SegmentCase("Roe v. Wade was overturned.", ["Roe v. Wade was overturned."]),
        SegmentCase("Henry VIII. He had six wives.", ["Henry VIII.", "He had six wives."]),
    ]

    @Test(arguments: initials)
    func initialsOfNames(_ example: SegmentCase) { example.check() }
}
