/// How a known abbreviation before a period bears on a sentence boundary.
///
/// The lists are for English news text. A word that is also an ordinary English word (`art`,
/// `fig`, `no`) is listed only where its abbreviation reading is near certain (before a number),
/// and a word that is only an abbreviation when capitalised (`Sat`, `Ill`, `Mass`) only in that
/// case.
///
/// The kinds differ in where they stand in a sentence, which is what decides a boundary after
/// them: a title stands before a name and never ends a sentence; a name suffix (`Inc.`, `Jr.`),
/// a state (`Ill.`) and a country (`U.S.`) stand at the end of a noun phrase and often end a
/// sentence too.
enum Abbreviation: Sendable {
    /// Comes before a name or a number and never ends a sentence: `Mr.`, `Gen.`, `Mt.`, `vs.`,
    /// `e.g.`, `a.k.a.`, `Wm.`.
    case title
    /// Can end a sentence but also starts or runs through names (`Sept.`, `Mon.`, `J.C.`, `Ph.D.`,
    /// `et al.`, an initial): a boundary only before a word that typically opens a sentence, never
    /// before a number.
    case ambiguous
    /// Closes a name (`Acme Corp.`, `John Smith Jr.`, `Elm Ave.`, `Fiat S.p.A.`): after a name
    /// the next capitalised clause starts a new sentence unless it continues the name (`Jr. Day`)
    /// or is an appositive title (`Corp. Chairman`). Not after a name (`in Co. Kerry`), it is
    /// `ambiguous`.
    case nameSuffix
    /// A state, province or district (`Ill.`, `Calif.`, `D.C.`, `N.Y.`): a boundary before a
    /// capitalised clause after `City, St.`, and only before a sentence opener otherwise (`N.Y.
    /// Giants`, `D.C. Council`).
    case state
    /// A country or union (`U.S.`, `U.K.`, `U.N.`, `E.U.`): as a state after `City,`; otherwise a
    /// boundary before a capitalised plural that is not part of a name (`the U.S. Lawyers for`,
    /// but `U.S. Marines`).
    case country
    /// Ends a noun phrase and never opens a name (`etc.`, `lbs.`, `ft.`): a boundary before a
    /// capitalised clause.
    case phraseEnd
    /// `No.`, `Fig.`, `Art.`: part of the sentence before a number, an ordinary word otherwise.
    case numberLabel
    /// `a.m.`, `p.m.`: see the boundary rules' time case.
    case time
    /// `St.`: Saint before a name, Street after one.
    case saint

    /// The abbreviation a token is, if any.
    static func of(_ token: TokenShape) -> Abbreviation? {
        guard let word = token.lowercased else { return nil }
        if token.isInitialism {
            if word == am || word == pm { return .time }
            if word == eg || word == ie || word == aka { return .title }
            return initialisms[word] ?? .ambiguous
        }
        guard token.innerPeriods == 0 else { return nil }
        if word == am { return token.isAllCaps ? .time : nil }
        if token.startsUppercase, let kind = capitalized[word] { return kind }
        return anyCase[word]
    }

    private static let am = PackedWord("am")
    private static let pm = PackedWord("pm")
    private static let eg = PackedWord("eg")
    private static let ie = PackedWord("ie")
    private static let aka = PackedWord("aka")

    /// Abbreviations in whatever case they are written.
    private static let anyCase: [PackedWord: Abbreviation] = table([
        (.title, "vs cf viz"),
        (.nameSuffix, "inc corp co cos ltd llc llp plc jr sr esq ave blvd rd hwy"),
        (.phraseEnd, "etc lb lbs oz ft yd yds mi sq cu yr yrs hr hrs mo mos wk wks"),
        (
            .ambiguous,
            """
            al bros dept depts univ assn intl govt natl mfg approx ca ed eds pt pts min mins ibid cit \
            seq dist div ste apt bldg
            """
        ),
        (
            .numberLabel,
            "no nos nr num art arts fig figs sec secs para paras ch chap vol vols pp pg eq eqs op tel ext n° nº"
        ),
        (.time, "pm"),
    ])

    /// Abbreviations only when capitalised (or in capitals): titles, abbreviated given names,
    /// months, days, US states and Canadian provinces, foreign company forms.
    private static let capitalized: [PackedWord: Abbreviation] = table([
        (
            .title,
            """
            mr mrs ms messrs mmes mme mlle dr drs prof profs gen gens sen sens rep reps gov govs lt \
            col capt cmdr cdr comdr adm maj brig sgt cpl pvt spc lieut rev hon pres supt insp det \
            amb atty msgr rt mt ft fr cllr wm chas thos jas benj robt saml edw
            """
        ),
        (.saint, "st"),
        (.nameSuffix, "cie cia pty pte bhd"),
        (
            .ambiguous,
            "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
        ),
        (
            .state,
            """
            ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss \
            mo mont neb nev okla ore pa tenn tex vt va wash wis wyo ont que alta sask
            """
        ),
    ])

    /// Initialisms that are not `ambiguous`, by their letters: countries (`U.S.`), states
    /// (`D.C.`, `N.Y.`) and company forms (`S.A.`, `N.V.`, `S.p.A.`, `L.P.`).
    ///
    /// Initials of people (`J.C.`) and degrees (`Ph.D.`) are left `ambiguous`: a surname follows
    /// them.
    private static let initialisms: [PackedWord: Abbreviation] = table([
        (.country, "us usa uk un eu uae"),
        (.state, "dc ny nj nc sc nh nd sd nm ri wva"),
        (.nameSuffix, "sa spa nv bv plc lp llp llc srl sarl sab ltda"),
    ])

    private static func table(_ groups: [(Abbreviation, String)]) -> [PackedWord: Abbreviation] {
        var table: [PackedWord: Abbreviation] = [:]
        for (kind, list) in groups {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                table[PackedWord(String(word))] = kind
            }
        }
        return table
    }
}
