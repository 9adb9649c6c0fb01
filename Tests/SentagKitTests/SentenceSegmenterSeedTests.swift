import SentagKit
import Testing

/// The reviewed segmentation of the five seed articles, pinned so that any change shows.
///
/// Every boundary below was read and checked by hand against the article: abbreviations
/// (`Sept. 15`, `Oct. 17.`, `U.S. defense`, `Mr. Putin`, `St. Petersburg`, `Dec. 4` at a line
/// end), quotations that run over several sentences and split inside, `region. CNN. “They came…`,
/// `said Olha Troshyna, 62. “They were…`, `leave? We won’t`, ellipses that end a sentence
/// (`executions… When`, `heads…They took`) and ones that do not (`car… waving`,
/// `deserters…it seems`, `understand…the trouble`), the leading space of ` date 2022-12-06`,
/// trailing no-break spaces, bullet lines, `(Photo: AP)` closing a caption and
/// `webnews@metro.co.uk.` closing a line.
@Suite struct SentenceSegmenterSeedTests {
    static let seedsFolder: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/seeds"
    }()

    @Test(arguments: reviewed.keys.sorted())
    func matchesTheReviewedSegmentation(_ doc: String) throws {
        let documents = try DocumentLoader.load([Self.seedsFolder])
        let document = try #require(documents.first { $0.id == doc }, "no seed \(doc) in \(Self.seedsFolder)")
        let actual = SegmentTestSupport.sentences(document.text)
        let expected = Self.reviewed[doc] ?? []
        #expect(
            actual.count == expected.count,
            "\(actual.count) sentences, expected \(expected.count); got past the common part: \(actual.dropFirst(expected.count))"
        )
        for (index, pair) in zip(actual, expected).enumerated() where pair.0 != pair.1 {
            Issue.record(
                "first difference, sentence \(index) of \(doc):\n  got      \(pair.0.debugDescription)\n  expected \(pair.1.debugDescription)"
            )
            break
        }
    }

    @Test func everySeedIsPinned() throws {
        let ids = try DocumentLoader.load([Self.seedsFolder]).map(\.id)
        #expect(ids == Self.reviewed.keys.sorted(), "\(ids)")
    }

    static let reviewed: [String: [String]] = [
        "000_e4828ba10e424886": [
            "A convicted murderer released from prison to fight for Russia against Ukraine as \"cannon fodder\" has surrendered and defected to the other side.",
            "Yevgeny Nuzhin, 55, was serving a 24-year jail term for killing one person and wounding another in 1999.",
            "He was released after one of Putin's henchmen Yevgeny Progozhin offered convicts the chance to serve in a private military company for six months and then - if still alive - to gain their freedom and a presidential pardon.",
            "One report says, that on Putin's authority, 28,000 murderers, rapists, burglars and other criminals have been freed in an unprecedented mass release to fight for Russia's struggling forces in Ukraine.",
            "A video shows the tough prisoners from penal colonies in Tambov region who signed up as fighters reportedly taken by a dozen jail vans to a “training camp” in the south of Russia.",
            "Deserters have been warned they will be summarily “shot”.",
            "But for those who survive six months, they will be pardoned by Vladimir Putin and allowed to resume their lives no matter how heinous their crimes.",
            "“We were in training for seven days, the 7th squad was an assault unit,” explained Nuzhin, who said he'd been visited by Yevgeny at a prison in Russia's Ryazan region.",
            "“I don't even know how to explain the task of assault squads, I realised for myself - cannon fodder.",
            "“You do something wrong - they zero out, it's called a firing squad.”",
            "Nuzhin told Ukrainian journalist Yury Butusov that he had decided in advance to surrender to Ukraine, where some of his family live.",
            "He was held on September 4, when he and other convict fighters had been ordered to retrieve Russians slain in a gun battle.",
            "The convicted killer said he was being treated humanely.",
            "He added: “I would like to continue fighting on the side of the Ukrainians so I surrendered and made my decision a long time ago.",
            "“Because it was not Ukraine that attacked Russia, it was Putin who attacked Ukraine.",
            "“I cannot go to war against my relatives, my sister, my uncle, my daughter.”",
            "It is unclear what will now happen to this convicted murderer whose wife and a child are still in Russia.",
            "Meanwhile, speaking to loyalist Komsomolskaya Pravda newspaper, Prigozhin has said: “Of course, if I were a prisoner, I would dream of joining this friendly team in order to be able not only to redeem my debt to the Motherland but also to repay it with vengeance.\"",
            "So far, Putin has balked at launching full-scale mobilisation under which all males over 18 could be sent to the war.",
            "But there are rumours he is poised to announce a partial mobilisation in certain regions.",
        ],
        "001_05a66df8ecc67f11": [
            "Convicted criminals released by President Putin to fight in his invasion of Ukraine have deserted and are now resorting to armed crime on the streets of Russia.",
            "Last month, in a desperate move by Moscow, convicts from numerous penal colonies were given the “opportunity” to have their jail sentences quashed in exchange for serving in the Russian army.",
            "In a video widely circulated on social media, Yevgeny Prigozhin, a member of Putin’s inner circle and the head of the Wagner private militia, was seen recruiting inmates.",
            "Filmed on a mobile phone, the footage was first released on Sept. 15 on the Telegram channel of Russian opposition leader Alexei Navalny, and showed Prigozhin giving a bizarre recruitment speech to lines of convicts.",
            "Prigozhin promised to pardon any convict who agreed to take part in the ongoing illegal invasion of Ukraine for at least six months, warning that retreating or surrendering was prohibited, and that deserters would be executed.",
            "Prisoners who chose to take up the offer, and who were still alive after six months, would be pardoned, or could continue their service in the Wagner group.",
            "However, many convicts who took up the offer have since deserted and are allegedly now roaming the streets of Russia, armed, and engaging in crime sprees, British newspaper The Daily Express reported on Monday, Oct. 17.",
            "Some of the deserters have reportedly also formed “street gangs.”",
            "“A Ukrainian military officer says hundreds of Russian convicts offered pardons for combat have already showed up on the battlefield in Ukraine,” NBC chief foreign correspondent Richard Engel wrote on Twitter on Monday.",
            "'Russia is an Enemy to the World' - International Legion Mortarmen Shares War Experience in Latest HUR Documentary",
            "Other Topics of Interest",
            "'Russia is an Enemy to the World' - International Legion Mortarmen Shares War Experience in Latest HUR Documentary",
            "Two American and one European volunteer from a mortar team in the International Legion talk about their motivation and experience serving in a mortar team near Chasiv Yar.",
            "“Some have gone AWOL with their weapons to carry out crimes back in Russia,” he added.",
            "On Sunday evening, Prominent anti-Putin Twitter account @turkmendagz tweeted that, “The criminals mobilised by Prigozhin, having received weapons, began to run away from their units and created armed gangs.”",
            "“There is nothing unexpected in this,” the tweet added.",
            "“Now the lads have something to go to rob citizens and banks.”",
            "In a statement released on Sept. 19, a senior U.S. defense official who chose to remain anonymous, said: “Our information indicates that Wagner has been suffering high losses in Ukraine, especially and unsurprisingly among young and inexperienced fighters.”",
            "Speaking to The Guardian in September, several prisoners from different penal colonies in Russia, and their family members, confirmed that the Wagner group were recruiting convicts from prisons with the promise of a pardon and financial compensation.",
            "One of the inmates, whom The Guardian named simply as “Ivan,” said that around 120 inmates from his penal colony had joined the group, while all prisoners interviewed by the newspaper said they had been promised a salary of 100,000 rubles a month and a presidential pardon.",
            "Meanwhile, thousands of Russians continue with their attempts to evade conscription.",
            "Since Putin’s announcement in September that around 300,000 reservists would be conscripted to fight in Ukraine, neighboring countries have seen their borders swell with long lines of Russians seeking to flee.",
            "Writing for Euractiv on Oct. 6, MEP Urmas Paet, Vice-chair of the European Parliament’s Foreign Affairs Committee, warned EU nations against granting Russian deserters asylum.",
            "“I firmly believe that giving asylum to the men currently leaving Russia would be too risky for the EU and, therefore, should not be done,” he wrote.",
            "“There is no reason to assume that the men currently leaving Russia would automatically be against Russia’s war against Ukraine or the Putin regime.”",
            "He added, “Suppose the war in Ukraine was to expand into a conflict between the Western world and Russia.",
            "In that case, Europe could find itself in a situation where there are already hundreds of thousands or millions of young Russian men in the Member States.",
            "What will be their loyalty and behavior if there should be a direct conflict with their home country?”",
            "To suggest a correction or clarification, write to us here",
            "You can also highlight the text and press Ctrl + Enter",
        ],
        "002_905fa773ba433fcb": [
            "Vladimir Putin is believed to have involved at least one convicted murderer (Photo: AP)",
            "Vladimir Putin is reportedly recruiting convicted murderers and former military spies to bolster his forces on the battlefield in Ukraine.",
            "Hundreds of prisoners are said to have been drafted into the army to supplement their numbers, and many agreed to sign up in exchange for a pardon.",
            "The recruits are believed to include imprisoned former GRU military intelligence agents and other special forces personnel with military experience.",
            "The Russian president is also believed to have cleared the way for prisoners convicted of heinous crimes, such as murder, who were previously denied bail.",
            "The conscription was increased due to the huge losses and the shortage of troops ready to fight, despite Russia’s million-strong army.",
            "The FSB security service, once headed by Mr. Putin, is also said to be involved.",
            "Selected prisoners undergo two weeks of training before being transported to a war zone and placed in “assault teams” on the front lines.",
            "Recruits will be sent to fight on the front line (Photo: Reuters)",
            "“Some were chosen by the heads of the colonies.",
            "They were removed from their jobs in the prison camps against their wishes and ‘invited’ to talk,” a source told the SOTA news agency.",
            "“These are former members of the military service or those who had sufficiently senior military ranks",
            "“To others, the duty officer simply said, ‘who wants to go to war, go, put your name forward.’",
            "The recruitment took place in the city of Bor in Nizhny Novgorod, where, as it is claimed, about 300 prisoners want to enter.",
            "“They explain it as a desire to get amnesty and live normally after returning, for the sake of their families and children,” said a relative.",
            "It is known that at least one person convicted of murder was sent to the front line in Donbass, and was promised that his conviction would be expunged after six months of service.",
            "Those who choose to fight with the Russian army are being promised a payout of almost £3,000 and their families will receive £64,000 if they die.",
            "Recruitment is also underway in the St. Petersburg detention centers of Yablonevka, Abukhov, and Fornosovo.",
            "Contact our news team by emailing us webnews@metro.co.uk.",
            "For more stories like this, check out our news page.",
            "Putin ‘enlisting convicted murderers and ex-military spies to fight in Ukraine’",
            "Previous articleAmanda Bynes and Paul Michael call off engagement but remain a couple and wear ‘faithfulness’ rings",
            "Next articleBirmingham shooting: Two men taken to hospital after being killed in horrific attack | United Kingdom | News",
        ],
        "003_0e6eb5843dac5dd4": [
            "date 2022-12-06 Russian soldiers who defected from Vladimir Putin’s army have said they decided to fight for Ukraine after witnessing atrocities committed by their former comrades.",
            "One soldier, who goes by the call sign “Caesar,” said he has shot and killed at least 15 Russian soldiers on the battlefield since joining the Ukrainian Foreign Legion.",
            "“Yes, I am killing my compatriots, but they have become criminals,” said Caesar, who is fighting alongside Ukrainian troops in Ukraine’s eastern Donetsk region.",
            "CNN.",
            "“They came to a foreign land to rob and kill and destroy.",
            "They kill civilians, children and women.’",
            "Another Russian, known as ‘Silent’, defected and fought for Ukrainian forces when he witnessed the atrocities committed by Russian forces near Kiev.",
            "He said seeing the dead bodies of children and women in person “turned everything upside down.”",
            "Silent, whose real identity has not been revealed for his safety, was visiting relatives near Kiev when he saw the atrocities in Bucha, Irpin and Borodianka – and decided to stay and fight for Ukrainian forces.",
            "“I was just outside Kiev, not far from those places, and when they were evicted from that area, we went there to help people and saw what they had done,” Silent said.",
            "‘Corpses, children, women, executions…",
            "When you see it in real life, of course everything inside is turned upside down.",
            "I decided to stay here until the end and join the legion.’",
            "Since Putin’s troops invaded Ukraine nearly 10 months ago, there has been mounting evidence that the soldiers have committed war crimes.",
            "Russia is accused of raping hundreds of women and girls, killing and torturing civilians in Russian-occupied cities.",
            "Another defector, identified only by his nickname “Vinnie,” said he knows he will be tortured and killed by Russian forces if captured.",
            "A Ukrainian soldier walks near a tank in Bakhmut on Monday as the Russian assault on Ukraine continues, in Ukraine’s Donetsk region.",
            "It comes after a former Wagner group mercenary, Yevgeny Nuzhin, 55, was brutally executed with a sledgehammer after switching sides and fighting for Ukraine.",
            "Nuzhin had his head tied to a brick wall and was beaten to death with the sledgehammer when he was recaptured by his former colleagues.",
            "His execution was applauded by Yevgeny Prigozhin, the founder of the infamous group of mercenaries, with the ringleader saying a “dog gets a dog’s death” in response to the clip.",
            "Vinnie says he is sure he will suffer the same fate if recaptured by Russian forces.",
            "‘There will certainly be no exchange.",
            "It will be the end, 100 percent,” he said.",
            "“It will only be more painful.”",
            "Caesar, Silent and Vinnie are among the hundreds of soldiers fighting Russian troops in the Donetsk region town of Bakhmut.",
            "This is still from a video published on Telegram showing Yevgeny Nuzhin just before his brutal extrajudicial killing by pro-Putin Wagner private military company",
            "Caesar, who is a Christian, said Putin’s war is “insulting” to him and that once Ukraine is “free,” he will fight to free Russia from “tyranny.”",
            "He added: “I believe that these people have transgressed the law of man and the law of God.",
            "I don’t feel sorry for them.",
            "I’ll capture them if I can.",
            "But most of the time I just have to kill them.’",
            "It is not known how many Russian soldiers defected to fight for Ukraine.",
            "But in a sign that the number could run into the thousands, Ukraine said in October that 2,000 people had called a Ukrainian hotline to surrender and defect.",
            "Calls have come from soldiers in Ukraine, soldiers still in Russia and conscripted, and some who have not yet received a draft order and want to check the proceedings, Andriy Yusov, a spokesman for Ukraine’s military intelligence, claimed at the time.",
            "And two months later, the “I Want To Live” hotline is still receiving about 100 inquiries a day from Russian soldiers.",
            "It comes after Putin ordered 300,000 conscripts to be sent to the Ukrainian frontline to support his failed invasion.",
            "Meanwhile, in Bakhmut, where ‘Caesar’, ‘Silent’ and ‘Vinnie’ are fighting alongside Ukrainian soldiers, the Ukrainian army said today that its troops had repelled Russian attacks there.",
            "The Ukrainian army’s Grad multiple rocket launcher fires missiles at Russian frontline positions near Bakhmut, Donetsk region, Ukraine on Monday",
            "Russian soldiers tried to cut off roads to Bakhmut from the west and northwest, Ukrainian presidential adviser Oleksiy Arestovych said on YouTube.",
            "Donetsk governor Pavlo Kyrylenko told Ukrainian television late Monday that only about 12,000 people remained in Bakhmut, from 80,000 before the war, and that there was no electricity or gas.",
            "In Ukraine’s southern Zaporizhzhia region, at least two people were killed and several homes destroyed by Russian missile strikes on Monday, an official from the presidential office said.",
            "Reuters video showed two bodies next to a damaged car in the village of Novosofiivka, about 25 kilometers east of the city of Zaporizhzhia.",
            "An elderly woman pulls a trolley bag past a destroyed building in Bakhmut, Donetsk region, on Dec. 4",
            "“Both my neighbors were murdered,” said Olha Troshyna, 62.",
            "“They were standing by the car… waving goodbye to their son and daughter-in-law.”",
            "Ukraine’s air force shot down more than 60 of more than 70 missiles fired by Russia on Monday.",
            "In recent weeks, Russia has pounded Ukraine’s infrastructure – including power plants – with military strikes and an offensive underway in the east, particularly in and around the city of Bakhmut.",
            "Russian troops also dug near the southern city of Kherson, which Ukrainian forces recaptured last month after an 8-month occupation.",
        ],
        "004_bd29a7fdc071fa1f": [
            "Captured Russian soldier claims Moscow has special squad for deserters",
            "Putin’s deserter death squads: Captured Russian soldier claims Moscow has a special unit which kills anyone who tries ‘to run home’",
            "A captured Russian soldier has claimed Putin’s forces threaten to kill deserters",
            "The man claimed his phone was taken away and didn’t see news about Ukraine",
            "He said by the time soldiers understand the situation, only option is surrender",
            "A captured Russian soldier has claimed that Putin’s military forces have a special squad set up for killing deserters who don’t want to take part in the invasion of Ukraine.",
            "The 22-year-old man said soldiers are threatened with a specialised ‘echelon’, and that they are kept in the dark until they see the devastation for themselves – at which point the ‘only thing we could really do was surrender’.",
            "In a filmed questioning by the Ukrainian Security Service, the POW also said his phone was taken away, so he couldn’t read the news on the situation.",
            "He said:\u{A0}‘As we came in we realised the situation, that we’re not going into a peacekeeping mission, but to fight.",
            "‘There were questions to commanders, sort of like “why the hell are we doing this”, but to turn back and leave?",
            "We won’t make it home.",
            "‘Echelons in the back, they kill deserters…it seems, with people I’ve spoken to, we’re all military, they told them the same thing.",
            "‘There really is a squad that kills people who try to run home.’",
            "Adding that he probably won’t be able to return, the soldier claimed he and others were ‘lied’ to by the military.",
            "A captured Russian soldier has claimed that Putin’s military forces have a special squad set up for killing deserters who don’t want to take part in the invasion of Ukraine",
            "Members of Pro-Russian separatists walk near a tank in front of a heavily damaged apartment in the pro-Russian separatists-controlled Donetsk, Ukraine yesterday",
            "He said: ‘I understand…the trouble I got involved with at the place where I worked.",
            "I probably won’t return.",
            "Well, not probably.",
            "I won’t return to that place where I worked, in the army.",
            "‘They lied.",
            "They threw us a piece of meat.",
            "When people understood with their own heads…",
            "They took away our phones so we didn’t see the news about the situation in Ukraine, what’s happening.",
            "‘They were telling us, at every populated point, that there were no peaceful dwellers there, for example.",
            "But they were there.’",
            "The soldier also said that he was thrown into military action, and ‘they weren’t particularly concerned\u{A0}if we wanted to take part in this or not’.",
            "A man walks through debris in the aftermath of an aerial bombing, as Russia’s advance on the Ukrainian capital continues, in the village of Byshiv outside Kyiv",
            "He added: ‘When we surrendered, by around 15 kilometres, we understood that the rockets which were flying, they weren’t flying into some military thing, they were flying to a peaceful population.",
            "Normal, ordinary, populated places.",
            "‘By the time we understood the situation, they didn’t let us go back.",
            "They told us they’d kill us if we went back.",
            "The only thing we could really do, was surrender.’",
            "This comes as Russia has made dire threats to the West that any military shipments to Ukraine will be seen as ‘legitimate targets’, prompting fears there could be an escalation of conflict that could suck in other countries.",
            "Deputy foreign minister Sergei Ryabkov warned the US ‘that pumping weapons from a number of countries it orchestrates isn’t just a dangerous move, it’s an action that makes those convoys legitimate targets’.",
            "The warnings came after Joe Biden personally intervened to stop a shipment of Polish MiG fighter jets to Kyiv, fearing the move could lead to ‘World War Three’.",
            "A Russian army tank move on the outskirts of Mariupol, Ukraine, pictured yesterday as the invasion continues",
            "A crater\u{A0}created by the impact of an aerial bomb that destroyed a cultural center and an administration building in he village of Byshiv, outside Kyiv today",
            "But Volodymyr Zelensky has slammed the West for its inaction, saying today he ‘doesn’t see any bravery from NATO’ as he pleaded for more involvement from allies in peace negotiations and offered to pay for more anti-missile systems.",
            "In response, the US made lukewarm promises of taking ‘diplomatic steps’ to help the Ukrainian government.",
            "Zelensky, who claimed 1,300 Ukrainian troops have been killed so far and 500 Russians surrendered yesterday, also said Putin’s forces can only take Kyiv if they ‘raze the city to the ground’, with Kremlin troops inching closer to the capital and conflict raging nearby today, endangering attempted evacuations.",
            "But there appear to be signs of slight progress in negotiations, with Zelensky saying the warring countries have begun discussing ‘concrete’ proposals rather than just ‘exchanging ultimatums’, although he said any negotiations must begin with a ceasefire.",
            "Smoke billows from burning containers after shelling in Vasylkiv, south west of Kyiv, Ukraine today",
            "The conciliatory tone was not resonating in the Kremlin though, with Putin raging after a 75-minute call with Emmanuel Macron and Olaf Scholz that Ukraine was guilty of ‘extrajudicial reprisals against dissidents, taking civilians hostage, using them as human shields, [and] putting heavy armaments in civilian areas near hospitals, schools, kindergartens’.",
            "Scholz and Macron implored Putin to end the war and stop the brutal siege of Mariupol but a French official said he did not show any willingness for calling off his inhumane invasion.",
            "Russian armoured vehicles are still slowly advancing on Kyiv’s northeast after being stalled for days, and a military airfield south of the city in Vasylkiv has been hit by missiles, destroying the runway, a fuel depot and an ammunition store.",
            "Source: Read Full Article",
        ],
    ]
}
