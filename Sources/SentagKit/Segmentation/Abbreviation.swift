/// How a known abbreviation before a period bears on a sentence boundary.
///
/// The lists are for English news text. A word that is also an ordinary English word (`art`,
/// `fig`, `no`) is listed only where its abbreviation reading is near certain (before a number),
/// and a word that is only an abbreviation when capitalised (`Sat`, `Ill`, `Mass`) only in that
/// case.
enum Abbreviation: Sendable {
    /// Comes before a name or a number and never ends a sentence: `Mr.`, `Gen.`, `Mt.`, `vs.`,
    /// `e.g.`, `a.k.a.`.
    case title
    /// Often ends a sentence too (`Inc.`, `U.S.`, `Jr.`, `etc.`, `Sept.`): a boundary only before
    /// a word that typically opens a sentence, never before a number.
    case ambiguous
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
            return .ambiguous
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
        (
            .ambiguous,
            """
            inc corp co cos ltd llc plc bros jr sr esq etc al ave blvd rd hwy dept depts univ assn \
            intl govt natl mfg approx ca ed eds pt pts yr yrs hr hrs min mins mo mos wk wks lb lbs \
            oz ft yd yds mi sq cu ibid cit seq dist div ste apt bldg
            """
        ),
        (
            .numberLabel,
            "no nos nr num art arts fig figs sec secs para paras ch chap vol vols pp pg eq eqs op tel ext n° nº"
        ),
        (.time, "pm"),
    ])

    /// Abbreviations only when capitalised (or in capitals): titles, months, days, US states.
    private static let capitalized: [PackedWord: Abbreviation] = table([
        (
            .title,
            """
            mr mrs ms messrs mmes mme mlle dr drs prof profs gen gens sen sens rep reps gov govs lt \
            col capt cmdr cdr comdr adm maj brig sgt cpl pvt spc lieut rev hon pres supt insp det \
            amb atty msgr rt mt ft fr cllr
            """
        ),
        (.saint, "st"),
        (
            .ambiguous,
            """
            jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat \
            sun ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss \
            mo mont neb nev okla ore pa tenn tex vt va wash wis wyo
            """
        ),
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
