"""Pool word lists of the language identifier: written by ``civility.training.langid_words``.

Generated from the training pool's buckets 0-89 (see that module for the rule); do not
edit by hand. Derived from the pool's datasets, whose sources and licences the model card
lists."""

from __future__ import annotations

from typing import Final

POOL_WORDS: Final[dict[str, str]] = {
    "de": """
lbr sich diese deutschland merkel afd spd deutsche deutschen dieser unsere würde seit dieses
sollte wurde sondern wäre damit grünen politik aachen andere diesen volk ihnen anderen jahren
politiker cdu medien dazu hätte steht partei ihren allen diesem sollten bürger türken gehört
unser eines frauen wegen blockupy linken regierung demokratie linke solche neue schulz berlin
ihrer raus eher könnte sogar frankfurt antisemitismus davon lange merkels überhaupt demo bleibt
juden ganze halt wurden jeden sieht braucht statt türkei seiner findet herr sonst staat eigenen
flüchtlinge würden lässt moslems thema allem brd groko wählen ganzen grüne hätten bundestag
daran werde maas deren meiner unserer bereits bevor gab ihrem wahl csu gewählt stasi alte früher
tatsächlich zeigt zwei folgen jede nen selber gesagt geschichte gewalt letzten neuen seinen
unseren ddr hambacherforst meisten wähler zukunft bekannt darüber dies frei gesellschaft sehe
anderes deutscher erste hass heißt hin weniger bringt ersten gilt hetze stellen teil völlig
wahrheit bzw gesehen glaubt hamburg muslime namen politischen rechte scheint fällt größte kennt
kirche länder niemals staaten worden zwar zwischen besten darauf einzige erdogan interessiert
kleine migranten parteien rechten schlimmer schönen seehofer spricht verstanden weder zahlen
österreich alten außer diskussion ernst grenzen große hambibleibt konnte nochmal seinem usw
bekommt damals etwa jedes lügen möglich respekt syrien unserem zdf einige freitag hinter samstag
sowas stegner weit weiterhin asylanten gehören genauso kritik liegt mehrheit nimmt soweit
sozialismus versucht wenigstens wären absolut allerdings erfolg gewesen geworden invasoren kaum
kundgebung mittlerweile politische russland sed ungarn vasallen während wünsche öffentlich
afrika eigene erstmal gedanken irgendwie kenne meinem nächste nächsten offenbar polen setzt
versuchen wollte bevölkerung bezahlt deutlich deutschlands faschisten freiheit geschrieben
kleinen lügenpresse maischberger mitglieder neues nutzen politisch punkt schaffen sicherheit
unterstützt verantwortung zeiten altparteien ard beispiel besonders danach drei erklärt fakt
gegenüber gleiche interessant kleiner köln könnten neonazis pegida rassismus rassisten regieren
richtige schande schwarz sonntag unterschied weihnachten willkommen worte beiden dummen
familiennachzug gleichen infos länger meinungsfreiheit millionen solange solchen vorher
widerstand überall artikel asyl ausländer bayern chemnitz drauf erreicht hirn justiz korrupte
kotzen nennen nennt nsu obwohl redet siehe stolz täter verboten weitere ziehen altkatholisch
bedeutet besteht bisher bundesregierung eindeutig folgt gefallen gegenteil guter heutigen innen
jedem jungen murksel rein rum sorgen stellt unterstützung westen zeigen alleine aussage
bekämpfen berichten bilder diktatur erkennen erklären fakten gemeint gibts grad halte
hamburgpride hilft kriegen ländern mehrere melden müsste naziwatchac neuwahlen parlament
politikern repression retten schaden schicken schreibt setzen solidarität sozialistische tvduell
täglich veranstaltung verantwortlich verbrecher verfassungsschutz verhindern verlassen wert
zieht ändern angeblich argumente ausschließlich berichtet deinem deiner dummheit familien
fröhlicher führt gelesen handelt herrn hinweis ideologie irgendwann islamisierung kampf kindern
koran lage lösung markt minuten nachdem nonazis ort sagte seiten sicherlich sinn sowie tief
verdient antworten arbeitet bezahlen bezeichnen christen debatte denkt dran dresden dummes
entschieden europäischen gefahr gericht gesetzt gesperrt gruppe gutmenschen handeln hauptsache
hauptstadt heimat holen illner jamaika jemanden kanzler knast korrekt kriminellen lindner
lächerlich maaßen montag musste posten präsident realität regiert reichen ruhe themen titten
toleranz typisch unterstützen vortrag werbung zeichen zumindest abgeschoben abschaum aktion
antirepac aussagen bericht berliner definitiv deinen euer fordern frankreich gebe gebracht
gegeben gekommen gleichzeitig großen jerusalem kam kneipe kommunistische kultur leuten manche
mord nahles offen osten richtigen rote selbstverständlich spannend türkischen unbedingt
verbieten verhalten verraten vorne wahrscheinlich wand welchen wem wen wirst anderer angela
antrag aufs begriff beides bildung bka böse dachte demokratische dessen diskutiert drin
entscheidung erhalten erlaubt europas falschen ffm flüchtlingen freuen genommen gesetze gestellt
ging glückwunsch gottes hoffen islamisten judenhass kritisch längst mitglied muß nachbarn
nachrichten offensichtlich personen raum richtung schland schleswig schmutz schützen sowieso
sozialistischen strafe stunden untergang verbreitet verstehe weise welches ziel afrikaner
aktuell amt ansonsten anstatt aufgrund ausland außerdem beginnt beleidigt broder daher davor
demonstranten diesmal eier eins faschismus flughafen freie führung geblieben gedenken gelöscht
gemeinsam genossen geschehen gründen gutes hetzer hintergrund höcke informieren karl kommentare
kommunisten konzert kopftuch kämpfen lebt lohnt lüge marx meist merken merkt merz münchen
müssten passen rad roth rund schaut schickt schulabschluss steckt stimmen teufel treten typ
unfassbar unternehmen unterwegs verein verhandlungen verlieren versteht vollkommen waffen wahlen
willen österreicher aktuellen arabien arme armen beendet behauptet bewusst bürgermeister dennoch
derzeit donnerstag dritteoption entscheiden erinnern feind gehabt gelten gesamte gesetz geöffnet
grenze gutachten holstein höre ibes jemals kahane kontrolle kranke kriegt laden landes lauter
macron meldet menschheit müll netzdg nich niemanden nrw ordnung palästinenser persönlich rassist
rente richter rolle sachen sanktionen schließen schutz schwarze sogenannten solltest soviel
spenden sprache tausende teilen tolle türke verblödet verbrechen verdienen versuch vielfalt
volkes weiße weltweit werdet werfen wirtschaft wollt wollten wundert übernehmen abgesehen
aufhören bahn bauen begreifen bereit bloß bullen bürgerkrieg dadurch darin demokratisch
deutschfeindlichen dienstag dämlich einigen einst erde ergebnis erreichen ertragen erzählt
europäer fehlen fehlt feiert folge fragt funktioniert führer fürs gearbeitet geblockt gefahren
gefragt gehirn gelernt generell geschafft gespannt gewaltregime gewissen gezeigt grundgesetz
größten haltung hauptwache hängt ihres integration interessieren irgendwo israelische italien
jedoch jüdischen keinem klimawandel koalition komplett kraft licht linker mdb monaten motto
muslimischen möge nachricht nehme npd passieren rechter rechtsextreme reich rentner sachsen
schlechte schneller schulen schweigen somit sondierung spinner synode tagen terminal tochter
typen vasall verbreiten verfolgt verlogene wach weißt werte woher wünschen zahl zerstören zuviel
öffentlichkeit armes berichterstattung bestraft besuch blockiert bundesparteitag bündnis
dahinter daraus drogen droht echte eigenes einreise eliten entfernt erinnert erklärung erwarten
erzählen ficker fordert freue freut gauland gebraucht gedacht gerechtigkeit geschieht getan
grunde gäbe hbf herzlichen hetzen heuchler ideen islamischen jugend kapitalismus klimasekte
knapp kümmern lediglich legt mache meint mindestens miraclemorning mitteln muslimen mutig
nachdenken nämlich obdachlose ost parolen plötzlich polizisten rechtlichen religiösen ritter
roten rwe samt satz sender sinne sitzt sondierungen spätestens steuern stoppen ständig tat taugt
trifft tritt unerträglich vernichtung vertrauen vorm welchem wenigen wichtiger widerlich wochen
wunder ziele zählen abgeordneten abgeschafft afrin anarchist angehörigen anschlag behörden
benutzt beweis bewiesen bezeichnet bezug bieten blockieren brandt demokraten demos deutsches
dicke diskutieren durchaus düsseldorf ebenfalls ebenso einsatz entsorgt erhalt erster
europäische existiert feige feinstaub flüchtling frohes garnicht gehalten gemeldet gescheitert
geschlossen gestalten gez herum herzen heut hinten hunde internationalen jahrhundert kleines
klima klimaschutz kobane konnten kriege kritisiert kölner lager lanz leisten merkwürdig mitte
nazisraus netz neujahrsempfang nächstes nähe nützt organisationen plattform prozess ralle
rassistische rechtsstaat sage sammeln schafft schnee seht seien sichere siehst skandal sog
sogenannte solch sondierungsgespräche startet stiftung straftaten stuttgart trotz türkische
unfähig unseres urlaub verbot vereinigten verfahren verkaufen verkauft versager verteidigen
vertreter veröffentlicht vieles voller vorwerfen wagenknecht wehren wenige westliche wien
wieviele wirrköpfe wunsch wut yücel zentrum zuerst ähnlich ändert öffentlichen überleben übrig
abgelehnt abschaffen allgemein altena analphabeten anschließend antisemiten antisemitische armer
asiaten aufgebaut aufruf auftrag beamte begriffen bereich beschlossen beschweren beweise bleibe
blick blocken blut boden brandenburger brauche brot brüssel bunt chanukka chaoten claudia daten
daumen demokratischen dient dringend ehe einzigen empfehle energie entgegen erhält erkannt
erneut ersetzen erwähnt experten falsche fckafd feinde flaschen fressen freude friedlich fußball
fährt fühlt garantiert gedeon geeignet gefangenen gehe genannt gerät gesa gesichter gesorgt
gesund gewusst grundsätzlich gruppen herkunft herzlich hetzt heutige hoffnung hose huuuuiiiii
händen hässlichen häufig identität ignoriert innerhalb integrieren irgendjemand islamische iss
kackscheisse kameraden kannste klare klingt kommentar konsequent kritisieren leipzig löschen
meldungen menschenrechte missbraucht möchten möglichkeit nachmittag nahe niewieder nutzt ohnehin
papst perfekt pest preis privat präsidenten ralf rassistisch regierungen rojava rufen runter
rückgrat scheinen scheissegal schlicht schlimme schreibe schäuble seines soldaten solidarisch
sozial spiegel statistiken stattfinden steuerzahler straßen strom stärker suche tagesschau
twittern vergewaltigung verhindert verletzt vermutlich verstand verständlich verständnis
vertritt vorhanden vorschlag vorstellen waffe wahlkampf wahnsinn wahre wahren weisen weißen
wichtige wirken wohin zerstört zustimmung überzeugen üble übrigen abends abschiebungen abwählen
achtung aktuelle amri anarchisten angekommen angesichts angriff annewill ansichten antifanrw
antifas araber arabisch arzt asylrecht aufgabe auschwitz auseinander beantworten beck beginn
belegen beleidigen benutzen beschäftigt bestand bestimmten beteiligen beteiligt betrug bewegt
brauch breite bund bundeskanzler bundeswehr bzgl bücher datum davongejagt demonstrieren dermaßen
desto deutschfeindliche dorthin dortmund draus dritte dümmer dürft einfacher eingestellt
einstellung einzig empfänger entschuldigen erfahrung ermordet erstes fahrrad faschistische
feiertag fett fette fliegen flucht forderung frag franzosen freiwillig freunden friedliche gauck
geflüchtete gefunden gefühl geführt gegensatz gegenseitig gegner geistige geistigen gekämpft
gelaber gelassen gelaufen gemeinsame genügend gesprochen gestapo gewinnt glaubst greifen großes
großteil habeck halb halbe heiko hinterfragen ignorieren indem informationen inhalte intelligenz
irgendwelche irre israelpedia jahres jahrzehnten jüdische kapital kardinal kern kirchen
koalitionsverhandlungen kohle kontext korrigiert korrupten kreatur kuh kunst käme köpfe körper
kümmert labern lande langen leiden leitkultur leyen liebt liefern liest linksgrün locker magnitz
masse massenmörder massiv mecklenburger mehrfach meinte meinungen menge mittel mittwoch monate
mudda multikulti möglichkeiten müsst nationalmannschaft noafd notwendig nowkr obergrenze
offiziell ohren opfern piepser politclowns problematisch programm projekt pösen pünktlich
reaktionen rechnen redner regel reihe ruft sachlich scheissen schergen schießen schlechter
schmidt schritt schweiz sekte selben sexismus sitzengeblieben soviele sozialisten spanien spdler
spruch steinmeier strafbar straftat studium sturm stören sucht teile terroranschlag todesstrafe
toller unterstützer urteilen verantwortlichen verdammte vergangenheit verkehr verlierer
vernichtet verursacht verurteilt vllt volksverräterin voraus vorsicht weiteren welch widerspruch
wisst wohnungen wolfgang wundern wählbar zeug zuhören zustände äußerungen übel überzeugt
abschieben abschiebung absehbar achso akk aktionen akzeptiert amerikaner analyse angebot
angesprochen angriffe anlass anscheinend anschluss anschläge anstand antifantenbrut
antifaschisten anträge anzeige anzeigen arbeitnehmer aufgefallen aufmerksamkeit aufstehen
auftritt ausnahme aussieht auswirkungen autobahn autos außen balken bande banken bedroht beenden
behauptung beitrag bekannten bekämpft belegt belogen beobachten ber beruf bestellen betreiben
bewegung beweisen bewährung bezieht bischof bislang blase brüder buchstaben bunten bühne
bürgerliche bürgern charakter dahin dargestellt darunter davonjagen delegierten demnächst ding
diskutiere dreckspack drohen druck drüber dummfick dürfte echter eigentliche eindruck einfluss
einladen eintritt einwanderung elend empfehlen empört endet entscheidet entscheidungen
entwicklung erinnerung erkennbar erlebt ermordeten erscheinen erscheint erziehung erzogen
existenz extrem fcknzs finanziert funktionäre furchtbar fürchten geboten gebrauchen geholfen
geist gelogen gemerkt generationen gernor geschlagen geschlecht gesinnung gestrichen gewollt
gewählte geändert ginge greift gründe grüner gäste göring haltet handball hannover hans hartz
hassen hauen hauptbahnhof helmut heraus herkommen herrscht hessen hingegen hohe hut hättest
hölle illegalen imperialisten inhalt insbesondere internationale irgend irrsinn islamismus
israels jagen josef kamen kamerad kandidaten kantholz kanzlerkandidat katalonien keinerlei
kennst kerl klagen klaren klo kohl kollektiv komisch konservative konzept kotzt kriminalität
kriminell kritischen kurdischen landsleute langer lautet lebe liebsten linie linksgrünen lösen
lügt markus massaker massen mehrheitlich meldung minderheiten minderjährige mitarbeiter
miteinander mitgliederentscheid muslimische mut mühe nafris nahen nahezu naiven noborderaction
nordkorea parteitag persönlichen pfui polit polizeigewalt putsch rassistischen reagieren
reaktion rechnung rechtzeitig redebeitrag refugeeswelcome regeln regt reihen reine republik
retweeten richten russen räumung römer rücken sauber schein scheitern schließt schlägt
schmarotzer schnelle schulden schwachköpfe schwachmaten schwanz schwierig schwule schäme schämen
seh sendung sicht singt solltet spahn sprachen spreche staates stimmung stirn storch szczecin
sämtliche taschen tatsache tee teilweise termin tipp traum trolle trägt träume umgang umso
unabhängig unterstellen unverschämt urteil verbrecherbande verfassung verfügung verhandeln
verhängt verletzten verlogenen vernünftig verrät verstecken vertreten vorgehen vorsitzender
völkermord wagen wdr werten wichtigste wirtschaftlich wissenschaft wofür wohnung wusste zensiert
zitat zuhause zurecht zurücktreten zusammenhang zusätzliche zuvor ägypten ärgern abgehalfterte
abgewählt absingen abteilung abwarten affen amerikanische anderswo angerichtet angestellt
angezeigt anlässlich annehmen anschauen anwalt arbeiter armut asylbewerber aufbauen aufgehoben
aufklärung aufschrei aufstand ausbildung ausdruck ausgedrückt außerhalb bahnhof bau beamten
befindet begibt begonnen begreift behalten beifall bekomme bernd berufspolitiker beschäftigen
besetzt bessere besseres bestens bestätigen besucher betroffen bewegen beweist bewohner bezahlte
bezüglich bildet billige birnen blockiere blockparteien bnd bockenheim boykott buchmesse
bundestages burka bverfg böses bürgerinnen bürokratie christliche darfst dauert definieren
demonstrantinnen denker deppen dicken dienst dingen dlf doll dreckiger dschungelcamp dtl dunkel
durchgesetzt durchsetzen durfte ehemaligen ehrliche eingeführt einheit einiges einkaufen
einsetzt einstellen eintrag entsetzt erbe erfahren erfahrungen ergeben erkennt erkenntnis
erleben ernsthaft erstaunlich europäischstämmige faschist faschistoiden faschos fasse fazit
feiglinge festnahmen figur finanzkommission flagge flaggen fleißig fliege fortschritt
frankfurter französische frech freiburg freien freier freigelassen fritz gamerleaksde ganzes
garnix gast geb gedanke gefeiert gefährlicher gegangen geglaubt gegründet gehalt gehirnwäsche
gelbwesten gelder geleistet gelungen gemeinde gemeinden gemessen genaue geplant geplante
geputscht gerichtet geschlechter geschäftsführer gestorben getreten getroffen getwittert
gewaltdiktatur gewisse geäußert grandios gras griesonalhymne gummigeschossen gutem gutmensch
güte halbgebildeten halbwegs haufen hautfarbe hebräisch heimatland helden helfer hieß hinweg
hinweise hinzu holt horden hundert hunderttausende härter häuser infotweet innenminister
insgesamt irgendeiner irgendetwas irren irrer israelischer jahrzehnte jedenfalls jederzeit
jeweiligen jude juncker juni kalte kge knobloch knüppel koalitionsvertrag kommentiert
kommunistischen kompromisse konkret kontinent konzerne kranken krankenversicherung kreuz krim
kulturen kurdistan kurzfristig kämpft könntet kürze langem lauterbach lecker legitim lernt
linksdrehenden linksgrüne linksradikalen linnich läßt löhne lösungen maaßenmussweg machte
mahnmal mahnwache manipuliert mannschaft marokko matthias maßnahmen medikamente meines
meinungsäußerung meistens menschenverachtende michel mindestlohn mitbekommen mitgefühl moderne
moralisch morgens morshoch mtb mutigen märchen märtyrer möglichst müßen nachfragen nachts nahmen
nationalsozialismus natur neonazi ner neubrandenburg neuerdings neujahrsansprache nirgends ntv
nurmalso näher nötig objektiv ordentlich ordentliche patriotismus personifizierte petry
pfefferspray pfeife pferd planeten polens politischer populisten positionen praxis predigt
primitiv prinzip profilieren prost protestieren prüfen punkte putins putschisten radfahrer
rahmen rathaus rauben recherchieren rechtsextremen rechtskommission reduzieren regelrecht
reichsbürger reißen reißt rtl russischen räumen sah sauhaufen schadet scharia scheinbar
scheitert schlabberfotzen schließlich schlimmsten schlüssel schmierfinke schmonzes
schnellstmöglich schonmal schwarzen schwere schächten schämt schönste schützt seitdem
selbstbestimmung selten sibirien sicherer singen sinnlos solcher soziale sparen speziell sprach
spuren staatlichen staatsfunk stattfindet steh strukturen städten stärke subsidiär syrer sätze
teilnehmer tiere tollen toter treiben treibt treu trug tust tätern türkisch umsganze umzusetzen
unfähige unfähigkeit unmöglich unrecht unterdrückung unterhalten unterscheiden unverschämtheit
ursachen vanja verarschen verarscht verband verbrannt verbreitung verdammten verfluchte
vergewaltigt verhandelt verkommen verlag verletzte verlierern verlogener verpasst verräterin
vertrag verzweifelt viertel volke vollständig vorsitzende vorstellung vorwurf wahlfarce warnung
wartet wege weh weiteres westlichen wichtigen widerspricht wirkt wissenschaftler woanders wobei
wärst wünschte zahlreichen zeitpunkt zerschlagung zerstörung zitiert zugrunde zustand zusätzlich
zweifel zweimal zweite zweiten ärgert ärzte öffentliche öffnen österreichische üben überlassen
überlegen abfallhaufen abgesetzt ablehnung absatz abschaffung abschied absicht absoluter abstand
absurde abzulehnen achja adenauer aggressiv agiert akt akten aktivisten aktivitäten akzeptieren
albtraum alkohol allerletzte allianz alliierten alltag altersarmut anatolien anderem anfangen
angebliche angeblichen angeboten angefangen angegriffen angemessen angenommen angewiesen anlage
anreise ansatzweise ansehen anspruch anteil antidemokraten antifaschismus antun anwälte
arabische arabischen arabischer arbeitgeber arbeitslager armee arroganz attacken auffassung
aufgeben aufgenommen aufgerufen aufhalten aufhört aufnahme aufnehmen aufpassen aufrecht
ausdenken auseinandersetzung ausgeht ausgetragen ausreden ausreichend ausspricht austreten
austritt automobilindustrie bahnhofsklatscher bauknecht baut bayerischen bedacht bedarf bedienen
befürchte begann begehen behandelt behaupten beispiele beitritt bekam beleidigend beleidigung
beleidigungen belohnen belästigt benennen beobachte bereicherung berge bescheid bescheuerten
beschimpfen beschneidung besetzung besonderen bestehen bestellt bestimmen bestätigt besuchen
besucht beteiligung betrachtet betreibt beurteilen bezeichnung bezogen biegen bilden
binsenwombat birne bitten blatt blaue bleib blitzbirne blumen bmi bolsheviken botschaft
brandenburg brasilien brauchte braun braunen brav brechen breitscheidplatz briten brut brücke
brüste bsp bundes bundeskanzlerin bundespartei bundesweit busse bösen bürgerlichen büro caffier
chebli dachau dauerhaft dauernd deines demonstriert derjenige derweil dessau dezember dialog
diejenigen dienen diesel diesjährige diffamierung differenzieren digitalisierung diktaturen
diversen dokleipzig dreht dritten dummesindimmermehr dünnschiss ehrenamt eigenem eigener
einfache einfachen eingereiste eingesetzt eingestuft einig einreisen einsetzen einwanderer
einzelne einzelnen einziger ekelhaft ekelhafte elisenbrunnen empfehlung empfinde eng engagierten
enorm entdeckt entlarvt entsorgen entsprechend entspricht entstanden erfolgreich erforderlich
erfunden erfährt ergebnisse erika erstatten erwachen erwartet erzeugt erziehen eugh existieren
explizit fahnen fahrräder fand faust fdj fehlanzeige fein feindbild feld feststellen fetter
feuchten finanzieren firmen fischer fleisch fliegt fliehen fluchtursachen fpö fragendiefehlen
fraktion frankenberger freiheiten freiwillige fremden fremdschämen freu fridaysforfuture frisch
funktion funktionieren fünf fürchtet füßen gebieten gebliebene gebrochen gedenkfeier gefasst
gegenposition gehaltene geheim gehn gehälter geistliche gekauft geklärt gelegenheit gelöst
gemeinschaft gemäß genauer genehmigt genießen genutzt genügt gepostet geprügelt geredet gerichte
gerufen geräumt geschossen geschäft geschützten gespräch gestanden gesteuert gestimmt gesucht
gesundheit getrennt getrieben gewaltbereite gewaltig gewöhnen gewünscht gezielt glatt gnade
goldene grenzenlos grenzwerte grindel großartige gruselig größenwahn götter hach hackerangriff
hackt haft haldewang halle hasst haste hatespeech haustür heike heilige heisst herkommt herren
hiesigen hingeschmissen hinterbliebenen hinterher hoffnungslos hubschrauber hunderte hungern
huuuuiiiiii häfen hälfte hässlicher höchste höher immerhin informiert inkl innere inneren
integriert investitionen ironie irrt islamfeindlichkeit italiener jagt jammern januar japaner
jenes jetzige jufo jugendliche jugendlichen juristisch jährigen kahrs kalten kameras kannte
kanälen kapitalistischen katholischen kauf kauft keller kenntnis kenntnisse kerze khajiit
kindergeld kindergärten kipping kita klassen klatschen klauen klientel klären kochen kollegen
kommenden kommunen kommunismus konferenz konrad konstruktive konten kontrollieren kontrolliert
konzernen kragen krankenhaus krankheiten kratzer kreaturen kreis kritisiere kräfte
kugelschreiber kulturelle kurden kurze kämpfer könig körperliche kühnert künftig küste lacht
landtag lebst lehnt leise leistung lengsfeld lesung letztes linksfaschisten linksfaschistischen
lkw loswerden luegenafd lustige löscht machenschaften malala manchen marcon marionette mauer
maßnahme medienpack meer meister melde menschenhaut menschenverstand methoden missbrauch mitleid
mitternacht mitverantwortlich momentan morden moschee moscheen moskau motiv munition munter
muschpoke mussten mutti märz möglichen müsse nachbarin nachfrage nachher nationalität nationen
neee neigungen nenne nervt neulich niederlage niemandem nochmals nofragida nogroko nulltipper
nürnberg offenen offener oktober organisieren organisiert osteuropa palästinensischen panzer
paradies parlamenten pension perspektive persönliche persönliches pervers perverser phrasen
platzt populismus praktisch profitieren protesten prothesen provozieren provoziert prozent
psychisch putzen radikalen raf raketen ratte rechtsbeugung rechtsruck regierenden
regierungsbildung regimes relativ relativieren relativierung religionen revolutionären riesen
rodung rostock ruhestand ruhrpott rutsch rücktritt salonfähig sarkasmus saufen sawsan sch
schaukel scheisz schenken schicke schießt schiffbrüchigen schlechten schläge schmeißt scholz
schrecklichen schreien schrott schuldig schuss schweden schweigt schweren schäden
seehofermussweg seele selbstmord sendungen shitstorm sicheren sichern sieg sitze solidarische
sondierungsergebnisse sondierungsgesprächen sorgt souverän souveränität sowohl sozialamt
sozialhilfe sozialsystem spaemann spannende spart spderneuern speichellecker spontan sprüche
spüren staatsbürger staatsbürgerschaft stalinismus stammt starken stehe steigt steinigen
stellung stellungnahme steuer steuergelder stiefel strategie strauß studie stuhl stärkung stört
subjekte sultanat söder talmud tastatur taten tatort taugenichts terrorismus ticken titel
totschlag tragt traut trulla truppen türkischer umfeld umgehen umgekehrt umgesetzt umwelt
undenkbar unfall unfug ungläubige unkraut unnötiger unpolitisch unschuldige unterkunft
unterlagen unterzeichnet unwählbar unwürdiger ursache verachtung verbindung verblödete
verbrennen verfolgen verfügen vergewaltiger verharmlost verjagen verkauf verklagt verlage
verlangt verlogen verlorenen vermeintlich vermisst vernünftige verrat verrückt versagt
verschenkt verschiedenen versiffte versorgt versuche verteilt verurteilen verweigert verwirrt
verzichten verzweiflung verändert verübt vollgeschissene vorgestellt vorgibt vorhin vorschreiben
vorstellungen vorurteile votum vulgäre wahlkreis wahlsystem wahn webseite wehe wehrt weiber
weibern weidel weiterer werd wessen widersprechen widert wirklichkeit wirkung wirkungslos
wirtschaftsflüchtlinge wohlstand wohnt wozu wurdest wähle wählt würstel wütend zauber zeitungen
zieh zionistische zunächst zuschauer zustande zuständig zweitens ältere äußern äußerst öfter
übelste überlebt überraschend übliche abartigkeit abgehalfterten abgeht abgeordnete abgesagt
abgestimmt abgetrieben abgewirtschaftet abholen abhängigkeit ablegen ablenken absitzen absoluten
abstieg achtet ade adresse afdler afghanen afrikanern akademiker aksynode akte aktiv akzeptabel
allesamt allgemeinbildung allgemeinen alternativlose amberg amtsübergabe analysieren anbetracht
anbieten andern andersdenkenden andersdenkender andersrum anette angeben angeht angekündigt
angelegenheiten angerufen angeschaut angesehen anhänger anklagen anmaßung annähernd anrecht
anrufen ansicht anstieg antideutsch antideutsche antifaschistische antisemitischen anzahl
anzusehen apartheidstaat arbeite arbeitslos arbeitslose argumenten armlänge arten asylantrag
atheismus atheisten atmen aufarbeitung auffallen aufforderung auffällt aufgehört aufgeklärt
aufgelöst aufgestellt aufgewacht aufkommen aufmarsch aufrufe aufzuzeigen aufzwingen ausbreitung
ausgehen ausgelassen ausgerechnet ausgesetzt ausgetreten ausgewiesen ausgezeichnete auskennt
ausländische ausmacht ausnahmen ausnahmezustand ausrede ausserhalb aussuchen außenminister bart
bastarde bayrische bedanken bedenken bedeutung bedient bedrohung beeinflussen befinden
befürworter begeht begeistert begründen begründet behandeln behandlung behörde beider
beigebracht beiträge beißen bekannte bekennen bekenntnis belastet belege beleidigte beliebt
bemerkt benannt benennt beobachtet beratung bereichert bergab berichte bertelsmann
berufsausbildung berufung beruhigen beruhigt beschränkt beschämend beseitigen besondere besorgte
besseren bestehende bestimmte bestrafen betrachte betrieben betroffene betroffenen beträgt
betrügen betrüger bevorstehenden bevorzugen bewaffnet bewertung bewirken bewusstsein beziehen
beziehungen bibel bielefeld bigott bilderberger billiger binden binsenwombats bistumssynode
blender blieb blockade blockaden blockliste bluten blöder blödes bock bomben boote bord
boykottieren brauchst brutalen bräuchte bräuchten brüsseler bse buches buchhandlung
bundestagspräsident bundestagswahl bundesverfassungsgericht buntland burkas bäume büchel cholera
christlich christlichen cuxhaven danken daraufhin dbbforum decken deckmantel definiere
degenerierten deklariert demonstrationen demonstrierten denkfaulheit denkmal denunzieren
derartige derer dermassen desaster dickes dienste diesbezüglich dieselgipfel dieter diffamieren
diffamiert diktator diskriminieren diskussionen disziplin dobrindt dok dokumentiert dolmetscher
doppelmoral doppelten drastisch dreckige dreckigen dreist drängen drück drückt dub dulden
dummbatz dumpfbacken durchs durchstechen durchzusetzen dusselige dämliche dämliches dänemark
döhnermann dümmste echtzeit eckardt edel effektiv ehem ehemalige ehemaliger ehrenmann
eichendorff eigentlichen eigentor eigentum eilmeldung einfachafdwählen einführen eingeladen
eingetroffen eingriff einiger einigkeit einnahmen einreden einsammeln einschränkung einschätzung
einseitige einsätze einzelner einzieht einzug einzuschränken einzusetzen einzusteigen eklig
elektriker emotionale empfang empfangen engagieren entfolgt entkräften entlassen entlastung
entnehmen entschlossen entsprach entsteht enttäuschen entwickeln entwickelt entzogen erdowahn
erfinder erfolge erfüllt ergänzung erhebt erhielt erklär erledigt erleichtert ernsthafte ernten
ernährung erreichbar errichten erscheinung erschien erschlagen erschreckend erschüttert ersetzt
erstens erwarte erweckt erwähnen esel eskaliert etablieren etablierten ethische evangelisch evtl
ewige experte expertin extremismus fachleute fahrt fahrverbot falsches fantasie faschistischen
faschistischer faseln fass fassen feigling fettes fickt finanzminister finnland flieht
flintenuschi flugzeuge fluten flüchten flüchtlings followerpower forderungen formulieren forst
fotografieren fotzen franziskus frauenwahlrecht freiem freies frohe funktionär furchtbare fähig
fängt führerin gabberwitch gallus gans ganztägig gebannt gebaut gebot gebt geburt gedreht
geflohen gefordert gefährliche gefängnis gefängnisse gegend gegendemonstranten gegenhomohass
gegenteilige gegenwind gehauen geheimdienste geheimnissverrat gehetzt geister geisteskrank
geisteskranke geistig geklappt gekostet gelacht gelb gelbe gelingen gelingt gell gelobet gelobt
gemeinsamen genderwahn genehmigen genehmigung georg geprägt geraucht gerecht gerechte gerechtes
gereicht germonney gesamten geschaut geschenkt geschwätz geschützt geselle gesichert gesoffen
gespendet gespielt gestartet gesteuerten gesunde gesunden getränke getötet geweiht
gewerkschaften geworfen gewählten gewünschten gezogen gezählt gittern glas gleichsetzung
glyphosat googeln gottesdienst gratuliere gratulieren grenzkontrollen gretathunberg griechen
griechenland groening großbritannien großstädten grundgesetzes grundgütiger grundlage grösste
größe größtenteils größter gründlich grünes grüßen guaido guaidó gucke gutachtens göttingen
gülle handwerk handwerker harald hartzer hauptsächlich hebräische hebräischen heiligen heiraten
helfe helm herein hermann herunter hilfreich hinaus hindukusch hinnehmen hinterlassen hinzufügen
hirne historiker historisch historischen hochkonjunktur hochtouren hofieren hohl hohle hohlköpfe
honecker hosen huch hucke hurra hänge hässlich höfe höhere hühner hüllen identifizieren
identitäre identitäten imperialismus importiert industrie infrastruktur inhaltlich innenstadt
innovative insofern instrumentalisieren instrumentalisierung inszeniert intellektuelle
interessanten interessen inzwischen iranischen ironisch islamfeindlich islamkritiker
israelischen jahrelang jegliche jeglicher jemen jenen jobcenter jochen jubelt judenfeindlichkeit
judentum juhu jung junker jusos jva jünger kabinett kacken kaliber kandel kandidat kapitel kard
karlsruhe karte katja katze kauder kerzen kessel kette kiel kiez kika kiste klage klappt
kleidung klicks klimawandels klug knüppeln koeln kommentaren kommentieren kommtmituns
kommunalwahl komossa kompetent komplette konsequenzen konsulat konsumieren konzentrierte
korrektur korrupt korruptes kostenlos kranker krankes krankheit kratzen krause kriecht krieger
kriegsgebiet kroatien krone krähe kröte kulturell kurzer kämen kämpfe königreich köpfen kühe
kühlschrank künast kündigen lach lammert landesregierung landesvertretung landet langjährige
langjähriges langweiliger lauf laune lebenden lecken legida leichter leidet lernte letztens
letzter lichtes lief linksextremen linksradikale lob locken logen logik lupenreinen luxus
lächeln lächerlichen länderfinanzausgleich lügenbande machste magaldi mainstreams majak malmedy
manipulieren mareike mariacron massiver matsch mauermörder maximal mdl meck mecklenburg mediale
medienwirksam mehreren meinungsterroristen menschenverachtend menschenverachtenden
menschenverachtendes menschenwürde menschheitsgeschichte menschlich menschlichkeit merke
metronom meuthen milde ministerin ministerium missverständlich misthaufen miststück mitgliedern
mitläufer mitnehmen mittelpunkt mittels mitten modell moderatoren mohamedanische moraldünkel
munde mundtot mächtig männern mörderregime mülleimer nachbarschaft nachfolger nachgewiesen
nachtschicht nachvollziehbar nachzulesen naivität namens nannte natürliche nazizeit negativ
neger nehmt netanyahu neuhinzugekommenen neumarkt neumünster ngos nichtmal niederlande nimmer
nirgendwo nopegida norbert notfalls notwendigen nullnummer nunmehr nutten nächster offenbart
offenkundig ohrfeigen oper orban orte osb ossi ostblock ouryjalloh packen parallelgesellschaften
parasiten parlamentarischen parlamentswahl parlamentswahlen passanten patriotischen patzelt
perfekte pfeffer pflaster pflege pflicht philosemitismus pinkeln piraten pissen pissern planung
plenum plätze pneumologen poggenburg politisches polizeipräsidium polizist predigen preise
pressesprecherin priester privileg probieren probiert produzieren produziert profitiert projekte
propheten provokation prävention prügel prügeln psu pubertierende punkten pädophile qualität
quotenmatronen radikaler rassistischer raten ratten raub razzien reaktionäre recherche
rechnungsprüfer rechtlich rechtsextrem rechtsextremismus rechtspopulisten rechtsradikalen
rederecht reflektieren refomiert refugeesupportffm regelmäßig regelt regelung regnet reihenweise
rekord relevanz religiös reschke rettet reul revolutionäre riechen riecht riesige riskiert
rodungsstopp rohollah rrg rudi rufe ruinieren rücksicht rücksichtnahme rücksichtslose sachliche
sachverstand sahra sammelabschiebung sauerei saß schafe scham scharf schei scheisser scheixxe
scheißdreck scheuer schieben schiebt schief schild schlaft schlagstöcken schlepper schleunigst
schlimmeres schlimmste schlussfolgerungen schreit schrieb schrift schröder schulabbrecher
schuldkult schutzstatus schweinejournalisten schweizer schwimmen schwätzer schädel schätze
schönsten schüler seenplatte segen sek selbe selbsternannte selbstüberschätzung seltsam sendet
sezession shoppen shuttleservice silvester silvesternacht situationen skepsis sobald sofortige
sogenannter solches solle sonder sonstigen sozialstaat sozialsysteme sozialtouristen spalten
spannenden spddc sperma spiegelt sponti sprech sprich sprichwort staatlich staats
staatsanwaltschaft staatsfernsehen staatsgewalt starker stattdessen stehst stein stell sterne
stichwort stil stinken stirbt stopp stoppt strafanzeige streit streiten strömen studien studiere
studiert stuss ständige stößt stürzen stütze stützt summe synodalvertretung systeme systemmedien
szene sächsischen säcke säkularer söldner sündenbock süßen talkshows tariflöhne tatsachen
tatsächliche taugen tauschen tausend taz technische teilnehmen teilnehmern teller tempolimit
tendenziell terroristische terrors texten theorie tierquälerei timestamps tivoli tode trage
trauern traumatisiert trauriger trauriges treffpkt triggert trittin
""",
    "en": """
user article wikipedia use hoes liberals control using maga editing history either through
racist edits section times american removed however america blocked jews government president
muslim niggas self vote ghetto added political public liberal simply wants given law remove
group violence working calling ignorant editors taking muslims almost comes facts view
especially tried vandalism kike term evidence deletion states act english taken further
following immigrants reddit consider obama created himself subject countries entire known
respect niggers whites fat considered mention rights users absolutely reference society common
including bunch allowed shows reliable likely statement india blacks americans current lying
giving research certainly posted website written culture majority reading itself according
interested version laws adding argument changed include response thinks address speech politics
regarding request encyclopedia mentioned revert major seeing needed title reverted interest
character posting realize tho wing currently evil suggest changes reasons related takes provide
female members relevant attacks accept front appreciate obvious reality allow christian jew sir
south exist recent useful discuss faggots views civil involved action personally movies warning
chinese names singh wit college specific appropriate meant election indeed proof policies kabir
acting gives guns republicans disagree putting brown europe ignore groups removing indian
project therefore abuse five included particular racism mostly queer jewish tax showing ways
appears recently shame aware choice notable noticed terms attempt context decided lil murder
asians official military british admins listed result voted basic present proper search amount
period worked towards sent generally looked knowledge record unfortunately opinions science
hands skin force guidelines necessary republican western easily john moved dat deleting judge
waste weeks creating despite charlie upon destroy movement space protect turned valid beyond
luck meaning neither surprised behavior north numbers uses contribs fighting purpose private
typical defend argue nature summary band places justice criteria european starting advice among
bias failed hopefully negative individual jail speedy supporters supporting clinton sand
speaking provided service fools regards calls east logic directly religious thus arabs corrupt
decision previous copy victim pictures placed accurate field willing edited education mass
reverting biased quality relationship specifically trudeau understanding cover explanation
innocent various violent campaign citizens standards entirely asian russian appear criminal
kavanaugh ignorance russia changing effort elected immediately earlier kept regardless vandalize
automatically cases harassment knowing niggah stated swear confused extremely german admit
anybody contributing respond higher published push theory difficult events feminist proven
removal terrorists thoughts paragraph taxes cited schools thousands value entry ground helpful
historical sites african author linked addition building everywhere fascist feminists former
university daily flag prefer africa notability press shooting victims democrat effect mentally
refer background birds blocking dems porn shown century improve properly voting wearing accepted
access heads finding hole possibly rid concept description feelings leaving results suppose
threat becoming insane keeping keeps tells types agreed animals congress dyke gop spent fully
happening reasonable stopped charge moving season immigration missing offensive board criticism
forced wars yankees minority return apply claiming companies leftist release students
administrator direct particularly average dispute concerns constantly foreign irish named
attitude career characters manual votes christians contribute details july nasty significant
considering drug explaining focus monkey bhai paying racial threats wondering independent insult
learned politicians username highly merely planet security texas voters guilty loves usual
conflict exact lived attacked canadian islamic plenty besides bigger caused criminals dogs
industry matters remain sides treat beginning economy extreme murdered piss solution tildes cite
degree described easier ireland letting explained feels lower treated existing feminism huh
organization practice balls drugs exists quickly released subreddit attacking dealing deserves
hero offer primary wanting promote surely alive bollywood defending identity repeatedly roy
jokes minor protected referring tryna democratic prevent cancer defense dollars examples herself
proposed round weight worthless ability accused colored genocide hating justify parts eventually
pushing showed arguing decent hatred opposite teach turning areas breaking christ females
hundreds native stands stuck supported babies code hearing parties readers republic april
bringing established limited loving replace walking august coward existence gold incorrect
market raised refuse sports wikiproject approach concern driving percent received throwing
unlike believes confirm excellent passed property wikipedian winning clue democracy discussed
equal hypocrisy required store turns whenever administrators behaviour benefit destroyed
external filthy ima key perfectly steal checked controversial damage helps latest pillars
somewhat suspect unblock assuming intelligent investigation medical nationalist pointing
sections compared credit economic greatest includes leaders marriage tend discussing noted
redneck sake smoke values bear becomes cities conspiracy covered ended families impossible
listening onto tagged talks contest ethnic manner nuts visit welfare censorship county ideology
january owner streets checking jump nicca reaction socialist tries analysis assault everyday
goal racists requesting successful sucking trade arrested brothers dykes fbi fraud growing
immigrant individuals offended requires spending wide assholes detail expected fired hates pig
services sold weapons weed cars confirmed decades fairly fixed inappropriate japanese prior
youth acts begin candidate december filled inclusion pointed belongs climate cross express
intended joe opposed platform pretend rise tone warring reader songs supports track apologize
cop disgrace hoping ignored influence logical queers selling wasting canadians chief elsewhere
hindu october persons perspective physical potential protection threatening topics tough arms
authority february legitimate minorities nomination notes peoples players appreciated beliefs
committed dying factual reports responsibility retards skills benefits bloody critical incident
seemed supremacist fags impact incompetent nfl opportunity preceding progressive safety
scientific banning disruptive hence license muzzies providing seek suffer australia catholic
creation educated figures harm identify indians map narrative product reporting taught adult
beating charged chick mixed older politically repeat six stating crowd entitled foolish holding
led leftists pregnant reached academic anon complaining hits misleading openly protecting shared
slap spot billion expert island locked mexican minds proves represent solid additional attempts
bomb childish coverage designed dropped efforts enemies intelligence leading math oppose
professional realized scary department ending label managed minded pussies require ruin sexist
speaks associated believed blatant citizen classic greater greek intellectual nut pics reach
alot button cult exposed interests pakistan referenced refers thrown unnecessary bible closer
desperate ends gain insert outta replaced screen sending speed teachers toward commit detailed
emotional insulting log nig powerful pretending provides sadly scale supreme writer answers
arundhati cash cunts drinking frankly meets mentions numerous odd privilege recognize referred
southern unable understood warnings accusing amendment arrest hateful healthcare holder league
lock northern nra refused screw theories aside attempting belief buying counter equally jihadi
load presented sheep slightly vast alaska bull deny devil fed highest nominated proposal
suggesting tests throughout ancient anger arab concerning featured genuine loose muzzie nuclear
originally pieces pissed talked tree artist bush develop environment hypocritical ignoring petty
saved sees suffering threads utter wishes workers allowing bold christmas flying hiding
improving incredibly loss meanwhile orange owners qanon updated village wording abusive dating
essentially newspaper silence suggested thousand treatment whatsoever activity bless censored
corruption folk increase males personality races responses technically train websites addressed
ashamed began bernie fascism grew homeless largest learning lunatic object objective plans potus
promoting suggestions wise abused advertising continued contributors controversy engage figured
ford illegals jus languages mistakes ourselves rates refrain runs slavery training wealth
agreement allegations borders development forces fucks genuinely leads mock opened peaceful
polish reads russians sjw spelling vandalizing allows bigot defined furthermore infobox
introduction kikes linking normally solve activities blm coon delusional desire destruction
differences elections films fund grammar guide mainly merge necessarily origin politician raping
reviewed reviews screaming senate shots spreading armed bastards controlled disabled hesitate
hindus income ion latter lawyer overall picking pulled puppet relationships responding seconds
shocked strongly structure syria tcot teaching usage whining consequences contrary correctly
debt domestic govt korea nationalism pot reasoning repeated reverts sight staff success
supremacists wave worthy afford barely carefully direction homosexuality humanity incels kinds
lately niccas patriots previously remind saving shithole stealing technology travel violate
widely wikipedians appeal categories dedicated deeply encyclopedic errors existed fascists flat
forms helpme location nowadays requests speedily split submission wet additions admitted adults
communists core curious developed faces impression reputation slaves species suspended verify
delay equality florida fresh mentioning officially paki poorly proved pushed resolution
responded soldiers tranny walkaway accuse advance comedy comfortable confusing council ensure
hoax larger levels naturally permission powers publicly rapist ship socialism strict supporter
uneducated advantage asses brilliant causes causing censor comparison convinced depends
destroying display equivalent extent financial focused frequently gov hanging heavily homes
justified liars method pigs planned pointless prepared receive requested sweden tactics thru
universe uploading acknowledge applied blocks comparing corporations dates determine disaster
draft knife largely lay libs limit meat obsessed reflect seat strategy thick amongst appeared
biography blank breath clueless deaths determined dictionary experienced follows genius
guideline hidden kag library presidency rarely recall smoking alleged brownies eastern golden
hawaii insults italian memory mirror nationalists nowhere picked punishment ruined sexuality
shape sisters spic spirit stone trial weapon cheese clarify function headed heck hitting hunt
invented moves naming passing plot poland positions quoted rare rhetoric sexually subjects
suggests thugs aggressive answered attempted blaming buffoon candidates citing civility duty
engaged handed iraq leadership legs mentality nigguh officers organizations philosophy propose
rubbish secondary selfish serving supremacy tools valuable younger advocate asks bands
christianity corporate credible fought gods informed intent logged physics possibility shoes
slowly smaller square tagging tight traditional abusing baseball camps carbon cats earned
entertainment funding granted incel marxist path pratik score statistics survive traffic
violating virtue wins apologies bothered cake confusion eric europeans expand experts falling
feature feedback files flight governments listing maintain orders ownership registered restore
seeking smarter stole sufficient virgin william worship anxiety behave bigotry biographies booty
committee contributed corner depression expecting funds lefty length mexicans moderators
pakistani parent reminder senator served spell thot warned actively bodies capacity directed
disease doctors drivers failing hill hispanic hurts judges marry mueller oppressed planning
plays poll proving ranu rfc stood therapy accuracy bae believing burning checks circle clicking
educate emotions employees explicitly freely giant housing hundred inspired neutrality polite
projects rapists ref relatively restored setting signs surprising whereas yourselves accident
approved arjun disambiguation district goat homosexuals idiocy illness irony legally liking
rejected remarks respected shortly subreddits territory utterly aspects billions bjp breaks
closely concert cracker deserved differently discovered embarrassing experimenting faced funded
germans heading involvement kindly leaves magic monday occurred ontario preferred products rally
relate scumbag sincerely snow threaten threatened trusted upper acted atleast authors carrying
corrected cutting episodes forcing forums fringe gangs integrity offered represented shove
swedish symbol tha unacceptable apology arnab artists aspect behalf beings boston breed bullet
connected destructive division driven dump effective exchange expose harsh heritage hire hook
imma improved lick lookin lover masculinity merit milk officer opposing ought precisely programs
reminds salute scam screwed sensitive signature solely stayed stolen titles tons triggered
ultimately warn wasted writes adds apparent appearance brings broad classes credibility cuck
desk documents effects fantastic filth fixing grounds khan lovers mature moronic multi nyc
offense ongoing permanently pile pleasure primarily produced pulling reddy replied resist spoke
stormfront substance summaries task throat ugh violated actors awards blp cream dishonest
dressed elect enjoyed forth guarantee intentionally ironic lifetime located materials merged
neighborhood physically pity presidential qualify scientists singing supposedly undo addresses
aim assertion assistance attend bite capable caring citizenship cleaning clever crackers
daughters declared denied disappointed endless faster flip generations motivated purely rage
realise replies saturday shootings socialists swamp teen unblocked unironically vandalized
verified whilst africans ages boo coast consideration continuing damned dealt deliberately
disputed distance disturbing dozen entries expression hurricane imply implying indigenous
judging justification letters prince production recorded secondly sorts verifiability wingers
yrs addressing assert backed bigots centuries choices counts covering deport depth despise
employee globe greedy growth indicates literature notion ordered outright protesters punish
qualified regularly scare strength sympathy towns tweeting uncivil accidentally australian
bigoted competition degenerate depressed describing despicable duck engaging enjoying finna fits
grasp hostile leaning methods perceived posters realistic refuses serves significance sometime
tear technical thin treating vandals victory walked whores witch affect appointed authorities
bars beaner beaten bored bud civilization denying fields fights genetic handled harassing
illiterate initial involving italy lacking manage matches poverty productive publication ruling
sane skinny struggle supply treason trigger troops ape bitching coach cycle diet dirt document
expanded features gettin harass houses incapable laughable lefties noticeboard occasionally
polls potentially punished pursue questioning recognition reduce represents rob scandal settle
staying stronger substantial tactic ted uncomfortable unknown voter wales yelling activists
altered announced arbcom arse bans bombs businesses chest copied cultures decline demonstrate
denial deported describes documented effectively eight expressed farm incredible inform
investigate meaningless murders negroes pattern perform protesting raw recognized replying
reviewing righteous ruining shill smells sticking winner ancestors attached blowing boat cards
censoring combined contributor cowards decade degrees downvoted dozens dumber entertaining filed
flags governor heaven hella historically initially insecure jumped management measure morals
murdering oppression pedophiles practices precious purposes rail remotely retired shout speaker
steps stopping submit talkpage taxpayers trained twist twisted unbelievable accepting advise
agrees assumed blunt burden burned cared cowardly darn expansion guilt hairy hillbilly holiday
immature inaccurate internal items jihadis jimmy models mountain officials owns quoting ratchet
rewrite rfa riding sanders savage silver speculation thier tricks unlikely virtually worldwide
adopt alert apes approve backing chicks disorder disrespectful drawing forgotten formed gabfam
grateful inch influenced inherently introduced kno labeled lawyers leg mistaken occur peta
potato presence rocks rolling satisfy scientist shitting similarly slur smith sore spit spring
stores typically typing vague wrestling affected apartment awareness bizarre blast blatantly
blew bone bottle bound cease commonly counting countless cow criticize discrimination drives
economics ethics everytime fingers harris identified mocking nationality nerve notices
overwhelming papers publish reasonably searching secure shy slope specified strictly unfortunate
unrelated untrue advanced allies arts breeding challenged crooked dec deemed disrespect fuckers
height hired historian historic hopes increased introduce lib libtards lips meaningful mediation
misogynist muh offers oreos paragraphs principles raghead regarded remaining resolved shameful
soccer socks sooner spare sudden syndrome texts thirsty ties vandalising viewpoint walks whiny
wipe wives agency attorney autistic bags begging bow brian coons cuts dawg declare displayed
dynasty earn encouraged engineering entering feeding greatly guts implies impressed involves
jerks legend marijuana mixing narcissistic oregon oreo pakis placing prolly psychology react
redskins reduced register rely remark repeating resign smear submitted suspected thug tories
trivial turkish universities washed whine writers accomplished assaulted balanced beach bills
churches circles concepts contained dicks disagrees dutch exclusive facing ffs flawed formatting
founded goin happiness harper invaders judgment matt mile outcome penalty regret regulations
reminded returns rough shift shwetabh slapped sourcing steel surrounding taxpayer vehicle waters
wetback witness archives attracted backwards buddies cancel chair considers correction defeat
demands eliminate embarrassed exclusively executive falsely flappy georgia guessing homie
importantly insulted intend joy junk kings kissing knees legacy misogyny muzrat ndp neighbors
nothin owe pocket poop publishing reaching refusing relating reviewer revision ruled semitic
shake ships shits significantly spite spoiled surrounded targeted unclear upvotes wage warming
wore yard allegedly amounts baker beast biology caps chase childhood compete congressional
contract convicted corporation coupled creatures deals demonstrated depending desperately
dictator dnc dropping ears establish evident globalist grabbing greece increasing insanity lake
lane libertarian libtard lmaoo lowest malicious marked masters migrants monkeys nevertheless
newspapers obnoxious obscure observation olds organized pays pit popcorn promotes puppets
receiving redirects reject revenge reverse roads root scholar scholars skill slight soldier
stink talent tolerate torture visiting warfare whitey accordingly accuser advocating albums
analogy anytime argued aye bhi cabinet closing collusion colors combat compliment consistently
controlling cus customers dated documentary documentation dyk ethnicity factory firm greetings
hispanics hockey holds iranian jumping knee legislation libel marks messing mudshark murderer
narrow nicely niggaz parliament passes principle purple rednationrising redundant revealed
shahid sided spelled studying ukrainian unconstructive viewed walls asap assumption attended
attributed beaners bent biological buildings chink confidence definitions ear emotionally
experiences eyed founder gullible henry holes homeland inbred kelly lands measures messed
misguided moms morality mos myth obtained offend offering opponents origins overly prominent
schedule scotland scotus sociopath straw subredditdrama successfully undue unite watchlist width
worlds worries anthony appeals asylum awhile bare beats bowl breathing choosing cites classified
combination commission donate dust edgy elaborate erase expanding explanations flesh fortunately
fourth gained ghost harassed harmful havent horny inserted introducing involve issued masses
narcissist outline palestinians parking poison prejudice preserve printed rats referencing refs
rush scheme skinned slide sluts spy stake stops studied survey tape teabaggers tolerance trashy
vision additionally afterwards agencies amusing backs belt condemn condescending contacted
convenient crystal cucks deeper dey directory discover discredit dubious electric emphasis
historians hunting impose incompetence maximum moreover navy occasions offence parasites partial
percentage perception performed plastic plate preach presumably profits promised promotional
ratings relevance reputable returned sacrifice selective shameless sloppy solved spectrum
stomach subsequent surgery teabagger teenagers titled tracks trees unhinged validity visited
worker writings accomplish accountable accurately ads affordable answering appearing banks blown
bombing channels charity collapse confident continually copies creates crossed defence disgusted
drivel empathy exposing extensive feinstein firearms flaws happily illegally investigated
ironically irresponsible juice kicking massacre mathematics morally passage patriarchy periods
permitted prayers prices restaurants rewritten rightly rope seats spaces speakfreely spewing
stem stephen surface targeting thursday tragedy translated tweeted walmart weasel worm
accordance addict adopted agreeing approval archived battles biden billy bucks burnt caption
cheated cleanup colorado column committing comprehend conflicts deletions disagreement divorce
executed expressing extremists gather generic hail hurting laughed liberalism lmaooo mall
martial massage mindset mosque mrs neighborhoods norway objectively ocean ordinary pale
palestinian parody participating pipe preference rated reactions realised rescue riots ron scope
settled shitskin shoe signing sink smiling soap specify suspicious syrian temporary thoroughly
treats vulnerable warrant wizard wood beloved bulgarian buried chemistry choke civilized clubs
developing devoted dominated doors encyclopaedia extend frequent frustration fuzzy genders gfdl
glory infrastructure inner jihad keyboard knight launch licking listened nights nordic npa oath
obsession pee persian pitiful prose rainbow seattle semitism sickening slander slit stretch
stupidest subjective superb survival swag theme toss traditions trannies tribes unfit variant
virginia voat wears wishing administrative admire aircraft alberta aoc assessment assumptions
attitudes babe bangladesh bathroom blows boxes captured catholics celebrities chin chutiya
civilians classical cocksucker comey convey corn currency defensive deficit demographics
deplorable deranged drinks duke emperor environmental excessive fewer frustrated functions
glorious graham grandfather grandma graphic honesty hug ideological irrational knocked lastly
lesser loses motion motives mystery nominate obtain owning palestine persecution piracy pissing
practically prize progressives proposing prostitute rag randomly residents resort reveal rotten
scenes selection serena shed shouting slurs smack sued talented texting tied tory tower veterans
viable wine acceptance advocates alliance arabic aug autism avi bash bullies challenging cheaper
coat codes containing convincing cope correcting counted crappy crawl cyclists deaf defining
deliver divided downvote dressing efficient eliminated emotion expense feminine fighters gook
grief highlight immoral injured injury insight islands labels laughs lawsuit lunatics messy
mindless mothers mouths needing notification oldest recognised reflects robbed roots sacred
sarcasm scottish scumbags selected serbian serbs severe slightest sockpuppetry speakers stab
string suicidal terminology thankyou unaware uninformed vehicles wee addicted advised apologise
applying atrocities avoided behaving blanket bones buck bugs bust butts coke confirmkavanaugh
crooks curse customer debating decency delivered demon disagreed disingenuous disruption drawn
drops emergency evidently facilitate faithful foreigners fried fruit gee goodness ideologies
idgaf imposed inept infected institute kingdoms libertarians logging meantime misogynistic msnbc
neighbours offending opponent painful pathological phenomenon pill pockets pole popularity
preeti priority promoted proportion prosecuted proudly publisher punching researching
restrictions sarcastic secretary sentiment sexism slant stadium struggling suppress toe tyranny
unbiased undoing unethical vicious viewing volunteer wack wealthy weekly yid accessible agents
arrived associate authoritarian begun blames blindly bogus boots bucket butthurt cheer
complained compose contrast corrections declined dismissed distribution doomed electricity
embrace esp exclude firstly fuel fundamentally goyim greed guitar handling hospitals identical
inciting increasingly investigations investment kya makers markets misunderstood modified newly
phony playin pregnancy princess privileges processes purchase ranga razor respecting rising
rounds scholarly servers subtle suffered sword temporarily trail transport turd undermine
unhappy worrying acknowledged activism alike alternate baddest bothering bullets bullied buys
chasing clicked commitment completed contempt copyrights crow crown defeated defines disregard
distinguish disturbed egypt equipment fishing flames frustrating fucc gap greeks hung imaginary
inability inconsistent indefinitely independence invaded labelled launched lessons manipulate
monopoly nailed newcomers niggahs niglet observed odds operating pandering pedophilia pelosi
pence pirate praying purge realizing rednecks regions respectable safer severely shaming shave
sheer sikh simultaneously snowflakes span stereotypes substantially suckers surplus suspects
sweat swing tends timing titties toes transphobic understands violates waited weigh wheel whoa
worded wynne yah abandon admitting amp anchor angle avoiding badass beg billa bussy cents
chinaman chips chooses clearer colleges collins compassion comrade concrete contemporary copying
crook deliberate delicious descent device differ diffs digging disability dominant drove eats
educational elitist explicit forgetting freedoms funniest ghettos glasses gosh handful humble
illustrate injustice interact kansas kashmir ludicrous macedonian magazines mankind margin meal
membership nahi nicer nigs npr nuke obese ohio outraged pacific palin paranoid pets pleased
popped positively pounds presenting profession provoke racially rampant ranting refute reign
replacing representing seemingly shapiro simplified slavic smollett smug snowflake societies
starving steady stinks struck tendency thankful thereby thief thorough thou throws trippin
trucks wages waking whipped wholly widespread withdraw worthwhile wwe admits allegation
altogether amazed anchorage annual armenian asleep athletes bannon boards boost borrowed briefly
broadcast capitalist catching celtic chump clarified classy clothing comedian computers
contradict creature criticizing defended demonstrates denies deplorables developers dictatorship
disappear disgraceful dnt downtown dynamic eaten establishing existent founding franchise
friendship gallowboob haired hearings honorable hoo hypothesis impeach impress incorrectly
inserting instantly intellectually invalid inviting irritating isolated jon kool labeling laying
legitimately liu macedonia medicare merits michigan mildly nbc niche nixon noteworthy operations
orthodox painted painting passion platforms ple pound practical preaching professors prohibited
projection psychotic publications qualifies quebec railway restoring reveals reward roughly
sandnigger scores secular sends seperate shallow shite signaling skull slapping slept sneak
socially srd stank strongest swallow symbols thots tommy towel traveling trivia tuesday
unwilling updates verification whip wisdom woods abiding abroad abt affiliated ally altright
arguably assist bankrupt baseless bears beware blamed brainwashing busted camel celebrating
challenges charlottesville circlejerk civilian coalition companion competent complicit conducted
confederate confirming croatian dab deletes dindu discusses disrupt dot duplicate ease enforcing
epidemic extension factually favorites firearm firmly forbid graduation harvey heinous highway
honey honour horrific horses identifying indicating invading kicks lacks licensing lmaoooo
lottery mandatory manipulated marxists minnesota misuse moderation motherfucking muslimes
obligation occupied offenders outlets panties partially participated partly pompous
psychological rabid raging recommended remained remembered renaming romantic routinely row
sanity satanic seasons secretly
""",
    "es": """
dalas tan canal personas windy vídeos sea espero youtube contenido javi han otros haciendo sigue
jajaja juan wismichu comentarios miare gran hizo esas pasado youtuber sigo pringada demás
artículo sido seguir queda dicho comentario jajajaja youtubers llama viendo jaja poner siendo
diciendo sino primera otras haya sale primero subir ves hablando realidad dado hagas ganas risa
sentido lizy puesto dalasito incluso debería encantan osea primer haga información pone
problemas gustan palabras seguidores nariz debe iba sean gustaría cuarentena encima apoyo
directo mejores mensaje sos tenga diga padres quieren pasando tenido algunos darle encantado
rubius haz hiciste jordi nueva vos alba alegro muchísimo seas imagen pato sube doy hubiera
quiera visitas justo algunas criticar ello felicidades admiro mayoría podría respecto llevo
adelante directos estilo pruebas pueda cae discusión eran salseo deberías esty jajajajaja
pareces pesar lleva dejo echo hacerlo mujeres hijos podrías tipa vea dulceida gana hipócrita
aparte enserio mereces recuerdo situación ven atención canales deseo pensaba posible beso
canciones juegos referencia clase digan quedo quieras verlo personaje duda edición montón crear
daño eras muerte trata usuario gamer millones siquiera broma escuchar fueron suscriptores tengas
auron decirte español par respuesta dijiste momentos pones sociedad calidad dije envidia
especial recomiendo risto entrevista hagan pase según varios ánimo comunidad gustado interesante
lizbeth parecen tantos artículos cuentas decía gracia hicieron título coronavirus estaría
secretnet busca felices felicidad fuerza haría hayas veía ari diferencia imagino puedas recuerda
sigues tantas uwu críticas demas parecer plataforma guste malas propia ayudar enhorabuena
necesita personalidad propio supongo hice llega malos quisiera sociales tuya absolutamente
consejo correcto dejes estuvo huevos maquillaje mensajes pocos referencias argumentos caca
hombres interesa necesario quedado relación carrera creen hemos perfecto salido tuvo cabello
criticas entero justicia llamada llevas parecido poniendo sigas cárcel dejen disculpas encuentro
experiencia habrá productos quedó salga teniendo veas ambos deberían encanto encantó grefg
historias jajajaj quede siguen deje errores inglés jajaj noticias pregunto sirve caes embargo
intentar mona pido subes dejado encantas ido llegado manos molesta polémicas twitch cerebro
debes estuve inocente kenia llamado llegue muestra perdido puso rollo tengan turbo calvo cámara
digas dross puse siente subido wildhater acerca animo ante critican salió sección tras acaso
habría hacerse libertad mundial pantalla preguntas tiempos tuyos vuelto vuelve yuya animales
camino decirlo estaban isma mejorar partido personajes privado quita quizás rabia sonrisa
tendría tuve actitud auronplay daba directamente fuente importancia imposible ofender ponen xdxd
datos dieron hacía hayan nuestros pude seguramente articulo buscando cantidad contexto gustaba
jpelirrojo ley necesidad patético peli podido precio quedan tik vayas alegra chale dallas darte
debo dejan esfuerzo guapísima ibai pablo primeros pudo salud sorteo titulo unidos videojuegos
boda chelo encantaría excelente existen juicio maravilloso mayoria perfecta políticos quienes
sincero vean acoso cambiado corto detrás dijeron formas izquierda medios muero pocas poquito
páginas saca salen sincera tok viviendo ajena clickbait conocerte debido diste empezó estabas
hacerme insultar intenta leas llego llevan metido oportunidad pasada pedazo puntos quitar
respetar respuestas sabiendo sepas subió supuestamente vistas xbox ala anterior deben delante
editar físico iguales lleno opiniones opino pareció pecho plantilla suena supuesto tuviera verás
agradezco bendiciones borrado cabo defensa española ganado hacerle importantes mayores opinar
paranormal resulta sentimientos tenes verdadero asunto crecer deberia dejó derechos dudo
explicas habían hubiese igualmente importar lamentable libros peores producto profesional
resumen sacado salvaje vidas aquellos argos badabun bendiga común consejos decirle denunciar
facha fuentes gustaria hubo ibas jorge leyendo mismas muchísimas ocurre pies risas vuelva bromas
cago cambies chiste conocido créditos cuales cuestión dejas derecha diosa diseño dudas
enfermedad espectacular esperaba estén felicito lastima llorando mirando noticia ocasiones ole
pongas quizá refiere sigan valiente vivimos vuelvas baja cobarde corona covid creado cuento
código davida disfruta emocionado empieza exactamente expresión extraño fuese llaman miniatura
pantoja pasaba pide prefiero propios prueba publicidad roast salio sepa tomes través vivido
alguno besazo cacho casualidad confianza conoce conocen creas deberias delito demostrado dulce
ecuador escucho estes estupideces intentando lengua leyes leído necesitamos nuevos quieran rey
sasel sorprende suele supone tonterías utilizar verdadera verla vuestra acabas aceptar
actualmente ambas autismo básicamente clases comento conseguido dejando disfrutar ediciones
famosos floyd gustos hacerte ilegal kimberly menores menudo pasan perfectamente pie podrias pon
tendrás tenían tenías trabajando vuestro zorrito acepta cambios carcel cuba depresión educación
ejercicio empezando encontrado falsas fatal hará hecha hipocresía insultos jeje latinoamérica
lucre meterse mierdas modelo muchisimo nuestras partidos perros piensan podria ponga prensa
proceso razones reina seguido sobretodo subas tetas tontos típico usas actuar aveces baño bruja
cabe creía cuatro debemos demostrar descripción encuentra enferma espinacas estáis favoritos
habías hacéis hermanos ilusión influencer jajajajajaja juzgar llegó madura maravillosa menciona
merecen metas mirada pandemia películas podéis polla puedan recién servicio suscrito tele
usuarios vacaciones éxito abogado ansiedad audiencia borrar ciertas contacto cumplir dannan ded
enlace enlaces españoles especiales estudios estupidez excusa existencia fueras fuerzas hablamos
hechos hubieras huevo lamentablemente llena maravilla miro nuevas obtener pambisito pensado
permiso población poca pongan recibir reflexión sacando seguridad seguía sentimiento suba tenias
venido wrixy acciones acosador afecta anteriores apoya armas blanca celopan curiosidad demuestra
deseando elegir familiares gano hablaba hiciera impresionante jejeje lees luchar orgullosa pana
pequeños placer pusiste quiso recordar sabido segun sientas siglo vio víctima abr amistad autor
ayudas buscas colores conocí cortes darme decia defiendo escribe escribo escucha escuchando
estudio explico hablado humana humanidad humilde ingles limpiar llevado mexicana muchísima
muertos necesitaba necesitan ostia pambisitos pasas pases proyecto pusieron suscribo tercera
traumas universidad venden veras acabe acento apoyar atencion ballena capacidad carisma cerrar
cierta coger comiendo dibujo enterado escuche exagerado furros fué guapos habéis hicieras
ignorancia imágenes informacion intención jajajajajajaja leo llamo llegas locos madres mantener
menuda meterte millón opción orientación pensamientos pisito podrían ponerse preocupes queja
queriendo raza recuperar rostro sacas sarcasmo seguidor sencillo señores siguiendo sonido
subiste suelen superar tuvieron vine violencia viven vueltas windygirk zapatos alianzas almenos
ansias apoyando aprovechar aquello ayudan cambie cero clips colaboración compañeros
comportamiento corriendo darse defendiendo defiende eeuu enseñar equipo espacio esperamos
gameplay grabar iban identificada luchando molesto muere muestras olvido pao parezca pasara
pasaste pidió pierde pinta podes policías precios precisamente publicación publico quedas
refiero reflexionar relevante saliendo seamos seguidora seguimos serás sinceridad sitios
situaciones trabaja traducción transmites twerk wikiproyecto windi yao abierta absoluto acosar
acusaciones anonymus antiguos apoyamos apoyan asesino autista bibliotecario bonitas bonitos
buscan ciertos condiciones convertido correcta coña creciendo creemos decían dedicado dejaron
dejé detalle dificil distinta efecto eliminado emoción escuchado estaremos estaré fueran
gameplays ganan garcía geniales hermosas idioma influencia injusto inspiración interés jajajajaj
llame llegan lástima mejorado mencionar metan metes minecraft naturalidad negar nena paola pared
pertenece pico pierdes preciosas propias queréis quito reacciona reacción relaciones sacan
sensación sienten solución teorías tomas tontería trabajos usan verdaderos victima volvió vuelvo
éxitos acto agradecería amenaza aportar ases ayudado ayudo añadir brillos chistes cierren
comentando conocida consciente cuantas detras digamos editado encerio encuentras entran
equivocado equivoco escriba especie esperemos estrategia explicando extractos falsos flipa
franco fresco gris habiendo habitación hacían heteros influencers investigación jodido juez
jóvenes lamento lea lesbiana lizi luces maneras matrimonio metió mintiendo movimiento móvil
nopor patetico patreon pedirte piense podrás posdata pudiera públicamente quedarse reales
recuerdos regreso reído rubio tendrías tratando valentín veremos violador vuestras ósea abuelos
adoptar agradable agregar aliexpress anuncios apetece aprendido asesinato bloqueado burla camara
carita comentan compran creadores crean credibilidad criticado cuanta decirme dejarte desarrollo
diablo distintos entera entienden esperanza excepto explicaciones explicación expresiones
extraña extrañaba flipo fortnite gritos género haplo hazlo hermosos hilo horóscopo iglesias
imaginas llamas llegué lobo mascarilla mentales miembros miniaturas monton mover olvides orgullo
originales políticas probable profesor prácticamente publicaciones quedando quedé reaccionar
reacciones relevancia respetos ries saldrá salieron secreto subscriptores suicidio tati travesti
turboplant verdaderamente vives vuelves whathegame zorro aburre acuerdas admirable agresivo ahre
ase caja capaces castellano collar comedia concepto conciencia conocía creador creditos cuadro
darnos debatir decisiones defenderte definición dejarlo dejaste demasiada denuncias dientes
disfrutando documental echa efectivamente eliminar embarazo entretenido envidiosa faltan
gobiernos guapas habido humo ignorantes informarse insultando investiga isla jajajja justificar
ladrones liz lizzy llevaba locura logro magia mejorando meten negativos nervioso nuevamente
ofende onlyfans opinas patas peligro pereza piernas ponerme profundo propuesta práctica
psicóloga quedaría querías reconocer recordado revisar roto ríes sabéis silencio situacion tenés
thegrefg tiran trozo tuviste términos valen vibra yendo abril accidente aguantar alegras alv ame
análisis aprovecha auriculares bibliotecarios bulling cabrera captura cayó chileno coherente
cometido compañía concuerdo crecimiento culpable danann decías defiendes dicha difamar dólares
enamorada ene enero entienda escribí escucharte exista familias fresca fuertes gallina generar
grabando graciosos gustas hacernos hagamos hicieran honestamente igualdad incluir
independientemente ingresos inmortal inocencia insulta inteligencia justifica latinoamerica
legítima llegando maltratador mexicanos mueve nene niñas normales orejas organización panamá
pantalones paranormales pasaron pasos pata payasos pelirrojo pelis pensamiento perdió personales
piensen pierdas pierdo plataformas ponerte porquería principios progre promoción proyectos quise
redacción residencia rutina sabían salas sentía sexuales sirva solos sony suda sufre sufren
tendrá tenian tenéis tierno tocado tonterias twich uruguay vales vería wismocho acción actos
adultos agradecida amarillo amooo anexo anillo aprovechando aron arreglar aser aspectos atraer
aunq ayude bandera bastantes borra brazos burlas cambiaste canso carácter champiñón compras
contraseña correo creyendo currado deberíamos decidió defienden demonio detalles diferencias
dolares dueños emociones encantaria enfermos entretenimiento escena escote espíritu estando
estimado estrella etapa evolución experiencias febrero felicitaciones ganando gentuza girk gorra
grabado hacías harías hipócritas hundir importan increíbles infancia interesantes javioliveira
jsjs jsjsjs laboral lada licencia lloro lograr maltrato manipulación mascotas matan mazo
mexicano miraba modos molestar movil máscara médicos naturales nmms notado objeto ofensivo
olvida parejas peleas penal pendiente pese pesos pidiendo podamos polemicas portada privacidad
privadas querían quitan recien recomendado recuerdas regalar relacion repito respeta respondas
retirado rubia ruego salgo secta sencilla serias serios serán sinceros supe suscriptor terminado
titulos tomen trae tuvimos tuyas valencia vengas verlos ídola aburridos acceso acosadores
actores adopción alas alrededor altos analizar andorra antigua antiguo aparecen aplica
aplicación aquella bebés blancos bollera borro bucle buscado cagada callado casarse catalán
censurar chisme chulo condición confinamiento conspiración contestar costumbre crecido
criticarte deberian debió delincuente descubrí deseas desee desgracia distinto empezaste empezo
enseñas envío esencia espejo estafadores estudiando eta explotar expresas fiestas fijo filtros
fornite gafas gustando hablaste habló hubieran imaginaba imparcial intentas iva joyas junio
llamaba llamó logrado madurez mascarillas miente millon movida mueren muñeca nervios
notificación obsesión ocasión oferta orgulloso paja pasamos perdiendo permite perrito pienses
plis ponerlo posibilidad posibles posición prejuicios premios probar profesora publicado
pudieras puras quitado reaccionando recomienda responsabilidad revistas sacaron sentirte serlo
similares sombra stolik tamaño tatuaje tenerlo tiendas tomate torneo trabajado trabajan tratan
vecino vendiendo venta verdades viral volveré volviendo volví wea wendy wismi xdxdxd acaban
aclarar actividad activo actualidad adoptado afectar alomejor amenazas anteriormente aprecio
armar aseguro aspecto ayudarte ayudes aída belen beneficio bienvenida botón bullyng burlan
burlarse cambian causar cejas celebrar chavala coches cocodrilo comienza comparación complejo
comprarse concierto confiar conocimientos consecuencias consentimiento conspiraciones contado
coraje corazones correos correspondiente creación creaste creatividad credito crimen criterios
dalasreview damos debajo desaparecer descubrir desea deseos disponible diversión divertidos
dueña duras echado edicion ejemplos elecciones empezado enemigo enemigos enseñan entere escribió
esperan estais estuvieron existan expone expósito fechas fichis firmar función fíjate gestos
grasa guapísimo gustaron gusten haberte habias hablara hablaras halla honesta imitar impuestos
incluye incómodo insultan intentado intentan invitado jugaba kun lenguaje lentes llamando mejora
meo merecido muriendo nauterplay necesidades negocios noooo objetivos oliveira opciones opinando
origen otakus oír pajeros pasaría pasen penoso piper plagio plantillas podrá podías poema
ponerle ponía porcentaje preguntado productivo profesionales psiquiatra psoe queden quisieron
rasgos rebaño recibe recordó regla riendo riesgo robando seguirá septiembre seáis señorita suben
superación suscrita tarjeta tendencia teníamos tirantes tiras traje transmitir trastorno usen
venía videoclip vieron voluntad vuestros ánimos últimas acordaba actriz admiración admito
adolescencia afirma aguanto aliade andaba andalucía antemano apods aporta aprobado
aproximadamente aquellas arigameplays asado atentamente auténtica ayudando ayudarme ayudaste
bajas batallas bestia biblia bolivia borren borró botones bua caeli calla calles cambias campaña
campeón capitulo carajos cartas cascos caído cerrado chinos chismes clave comas comenzó comido
comienzo comprender comunicación conflicto conoci consideras crece creeme cuernos cumpla cómoda
debía decirles dedicación dejaba dejame dejamos dejara dejemos deporte desconocido descrito
descubierto desnuda dibujos diciembre diciéndole dictador dictadura diez dignidad dijera dirá
dirán duros efectos emocionales enamorado enfermedades enseña enseñado enseñando entorno
equivoca equivocada equivoqué escapar escorpio estadounidense estara esteban esten estreno
estudiantes excusas exponiendo faltó fantasma favoritas fernan fijas flipando futbolista galicia
genera genero graba guapisima hacerla hacias harían hermosura hogar huele humildad idolo
imagenes incluido independiente injusticia insultado intentaron intriga inventado irme iso joda
juventud juzgado ladrona llegará llegues lleve lleven mamadas manipulador masas mejore mezcla
mido modelos moreno morsa mueves nace nacido nació necesariamente nerviosa niñata notaba
objetividad ocurrido odiando oficiales olvidado olvidó ordenador paginas paguen pambis pantalón
pasarse pasión patéticos pelota pida piedras pillado piramidal poderes pondría porfi preciosos
prefieres primaria primeras provecho provoca pudiste pánico párrafo quedaste quitando quitaron
rechazo recibido recomendar recorrido referente refleja reglas relleno respetan retos roleplay
ruedas ruido sabias sanidad sano seguirte seré serías sexualidad siguientes siii sonriendo
sonrisas stolikraft subirlo sucede sueldo suficientes suicidas superado supuesta suscribir
suscribirme suyos tendrán teneis tengamos torneos trabajadores traducir tubo utilizando valido
valora videojuego viento violación volumen vuelven víctimas abra abuelas acepte acertado
aguantas ajajaj alegrado alemania amistades amoooo aparezca apariencia aplausos apoyarte apoye
aprovechan argentinos armario arrepentido arrepiento articulos autoridad avanzar avión axilas
bajar boton bronca burbuja busco cadena caen cague callar calumnias capturas capítulos causas
cayendo celo champiñon citas ciudades coincidencia colombiana comentas comerte comparado
comparte compartiendo comprobar conejo conocemos conocimiento cordiales correctamente corregir
corresponde creada critico crítico cuchillo cuerpazo cuánta círculo deba debiste decepcionado
decian decís dedicas delitos demonios demuestras denuncie derechas descargar desear desgraciado
desnudo devuelve diarios dieras diferenciar difíciles dioses disculparse disfrute distancia
echas ejército empezamos empezaron encontraba enojo entendía enviado equipos escríbeme
escucharla escuché estarían estemos estuviera estuviste evangelina exacto examen excepción
existía expresar fallos faltar favorece felicitarte ficha fija fijado flipas flojera fuimos ganó
genios gilipollez gloria gorro grito guerras habeis haberlo habrás hacerlas haria harta higiene
hipotenusa historial homosexualidad hormiguero horribles hueva identidad identificado imagínate
ingresar ingrid injusticias inmaduros innecesario insoportable invento inversión irse izquierdas
jodan jodas jodidos justificación lagrimas latam leido limpio lio llegaba llegaron llendo lloré
makiman maneja mascota medias menorca mero miembro mintió mirate modificar molestia monos
montado muchacha muera muertes muestre muñecas naranja neutralidad notificaciones noviembre
octubre ocurrió ofrecer paciente pagado papás parecio pasará pechos pediría pelirroja pensamos
perfección pesadilla piden pides pija pillan podían ponemos presentador progres promedio
propuestas psicópatas quedaba quitarle recomendación reconoce reconocimiento reconozco reirme
repite respondiendo reírme rie rindas rispa ríe salseos saludame saques seccion secundaria
seguirme semejante serían shane shur solas solucionar sombrero subo sugiero sujeto sumamente
supuestos suscribi suscripción tatuajes temazo tendrias tercero terminan tigo tipico toman
transmite ufff utilizas vape vegetta verdaderas vidio vieras vimos vistazo vivos vosotras
wikipedista youtubero abogados aceptado acepto acostumbrado activa actuado actuales adulta
agradecido agradecidos aguante alakasam albi alegran alimentación amargada amiguito anillos
animos antecedentes anuncio anónimos apartado aplicacion aprecia aprovecho apuesto ardida
ardidos armado arrepiente asen asiendo asusta autolike autores ayudaría azules barbaridad
batalla biológicos bisexualidad bloqueo borde borras borraste boxeo buenísima caballero
caballeros cachos cantantes caníbal características cargas castillo chicho cierra cobardes
codigo coincido colectivo colgado colgando comodidad compañera compraron comprensión condena
confirmado conociendo consultas conversación cortas creces crepúsculo cres creído cuadra cumplen
cámaras daban danos decidieron dedican dedicar defenderse defienda dejad dejarme delincuentes
delphine demasiados demostró dependiendo desagradable desconectar descubre descuento
desgraciadamente desperdicio desprecio determinado diera dificultades directa disculpo diseños
disfruten disparo distintas divertidas divierte djmario dramas dudar echando económicamente
elección els emociona emos empece encantaba encantada encontramos enfrente enseñaron enseño
entendemos entras entretener entretiene envidioso equivoque ere escanes escarlati escribiendo
escucharlo escutia esperabas estrellas estructura estudiante estudió estuvieras europeos exito
explicarme exponer expresarte extrañas faltas falto femenino feos fer finales finalización
follar formulario funcionan furro ganaste gimnasio giorgio gordita gref guau guays gustará
haberme hablemos habrán haced haceis hacian hara haremos harto harán herbalife hicimos
homosexuales honduras idiomas idola implica impresión indiferente indirectamente informa
informado infórmate inicios intereses intimidad introducción inútiles irónico jajajajajaj
jajajajajajajaja jajajajjaja jefree jejej jejejeje jente jodida jovenes juegan jugadores juicios
kion largos lau lechuga leerás limpieza lisbeth llamaron llegamos llegara llenar llenas llevamos
llevaron llevarse llevó llorado llore locas logros madera madurar maestra manejar manifestación
mantiene matas materiales mayormente mejoras mencionado mención meterme metio miedos mierd mmmm
monjas monstruo morado morales moralista muchisimas muestran muestro munchausen málaga máxima
míos necesaria normas nuria obesidad objetivamente obligación operado opinan oídos paces pagaron
pambisita panda papas parecidos pasarlo pavo paypal peinado periodista pervertido pierda pierden
pillas plastico pobrecita poderoso podríamos potencia pregunté prendas producción prohibir
promocionando promocionar propiedad protestas puros quedarme quedará quejan quitas rae raros
raya rayos recomendaciones recuperes reducir referirse relacionados reloj remera renombrado
republica repugnante requiere respetable revertir rubios sacarme salida salía saquen seguís
sentirme sentís sepan seriedad señal sonar sorteos subieron sucio suficientemente supo suscribes
tabla tardar telecinco temporadas tendencias tendremos tirarle tomarse tope traicionera
tratamiento tumores turbio unificada utiliza utilizan valentía vaso vecina vecinos vegano
velocidad venas verdes veías viajes victimas vivienda volvería volvio válido wacho webs
wikipedistas árbol ésto abandonar abogada abusar aceptaron aclaración aconsejo acorde actitudes
administración admirar admitirlo adoptaron advertencia afectada afecto afán agradecerte
agradeceré agresivos ajeno ajusta alarma aliento alos alquiler alturas amiguitos ampliar analiza
animas anonimus anunciaron apareció apetezca aporte apoyado apoyaré aprendizaje aprobación
aprovechado aprovechas apunta apunte apunto armada arreglado artes asunta atacó ateo ati
atractivo atte audifonos audios audífonos aweonao añadido añadiendo añitos bailando baje bellas
bendita beneficios bolsas borrando borre brillar burlando cadenas caliente cambiaría cambien
carencias carrey carrito casualmente causado celosa chilenos chingo churra ciega ciego ciencias
ciertamente cmo coge cojer colmo comen comentarte comenzar comete compartes comparto competencia
comprado comprando comprende conclusiones confirmo congreso conocia consiguieron constitución
consumo contenidos contradicciones contradice conveniente copias cordial corporal cortos cositas
costado creerle creia cristianos críos cuentan cuerpos cuestion cuyo cuídense dañar decadencia
decentes decepción defecto defenderla dejarse dejaría demaciado demuestre denuncien desahogo
desconozco desean desgracias destacar detener devuelven difamación disculpó disparar dni
dropshipping echaba echarle editando editarlo empeze enano encaja encantais encerrado encuentre
enoja enseñarnos enterar enteré enteró entretenernos entretenidos equivocó escritor escritores
escándalo específico estabamos establece estafar estudia estuvieran estábamos estómago evidencia
exceso existencial existentes existían experto explota expuesto expón falacias falda falleció
fantástico fascina fawkes fenomenal filtraron firmado flaco flipado flipar fracasado fragmento
fullmetal gastado gastan generación gordos granito gritas guardado gustaban hablaron habra
hacerlos haci hackeado harás hatear helado hermanas hermanita herramientas hijoputa hispana
hospitales hoyo humillación identifico illo imparcialidad imágen incorrecto infiel informarte
informe informes inglesa inmadura inspirado intentarlo intente interes interesados interesan
interpretación invertido irte islas jaj jajajjaja jajjaja jode jodiendo jope jpelirojo jugada
jukilop jumanji jurado justa karmaland labios leeras leerlo leona lesbianas levantas lin
llamamos llamarlo llamarse llamativo llegaste lleguen llenos lloraba logra logras lore luchuga
lucrar mafian mamadisimo mandan mandas manifestaciones mantenimiento marlos mencionas menciono
mentalidad metiendo miel mirado misionero molestias montaje morbo morder motivación movimientos
mírate nacionalidad narute negativas nevera niega niego nooo notan nubes obedece obliga obligar
obstante ocurra ofendes okno olvide olviden operaciones operada opuesto orco oscuridad ostias
oxigeno palomitas palos panameña pareciera parecías participación participo pasaban patada
patriarcado pecado pedofilo pegan pegas peleando peligroso peluca pensara perdio perfectas
perfectos perjudicar persigue personalidades pervertidos pieza pisos pizzagate plazo plumero
poderosa podremos pondrá porcelana posibilidades positivismo practicamente preguntan preparación
presentan presupuesto principales prisión profe profundamente propuesto psdt publican pudieran
pudieron pueblos puente puertas puesta públicas quedamos quedara quisieran qur radicales raras
rascar razonamiento recibió recopilación recuerden refería religiones reputación retrasados
retraso reveló revolución reyes reírse robado rodeada roja rutinas saberlo sacaste salia saliera
saltando saludarte seguirla seguiría sentadillas separado sere sevilla señalar siglos sinceras
sirenas sistemas sobrevivir solicitud soportar sorprendería streamers subieras subirse sufrido
sufriendo sugerencia supero supieras suscribí suscriptora tareas tendrían tenerte terceros
terminas tesis tipas tirarte tiren tolerancia tomaba tomarte tomaste toxico trampa traten tumbar
tumor tuvieran tuviese usualmente uñas valentia valientes vallas valorar vandalizar vano vegeta
veis venezolano venganza veracidad verda vestidos vibras videooo violado violar vlog volviste
votantes weno yers éstos órdenes abres abriendo aburren aburrimiento aburro acabará aceptas
actuación acuerda adecuado adelgazar adicción adicta adicto adoptarlo adoptó afectó agarro
agencias agrego agregue aguantado agüero ahorra aliades alquilar alucino ancianos animes
antiguas apasiona aplicaciones aplicar aportación aprobar archivo ariann arriesgado asegura
asesina asquerosos asustado ataco atrae atreve atreves aventura ayudará ayuwoki bajando balcón
bandos banearon bienes bienvenidos bilbao borrados brillo buah burlaba burlo burlándose buscaba
buscamos buscarlo cagaste callo cambiarle canarias candres caracteriza cargado cariñoso carteles
cartón católicos cayo caías caíste ceja cercana chichis chocho chucha ciegos cielos cientos
científico científicos circunstancias claridad clásico cocodrilos cojo colgarse colombiano
comencé comerciales comillas comparen compi comportamientos comprobarlo conciertos conexion
conexión confirma conflictos confundida confundido conocidos conscientes consecuencia
consideraba consideran considerarse constantes construcción contagiosa contesta contestas
continente continuación contribuciones conveniencia convertir convivir coñazo creaciones crecen
crecí creeis creerse creyó crezca creíble criticaba cuarta cubanos cubrir cuelan cuentos
cuidarlo cuáles darias darles dawson deber decidme decis defectos defensiva defiendas dejarle
delgada demostrando denle denuncies depresion descarga descaro describir descripcion descubrió
deseamos despectiva destacado devuelta difamando difundir dilema dinerito discapacidad disculpar
dise disfraz disfruto disfrútalo disposición dispuesto dolido donaciones donar dormida ducha
duela dulcealba durmiendo dándole echaron edades editas edito ejercicios elrubius emocione
emotivo empezaré empiece empiezan empiezo encantaa encantaaaa encantadora encerrados encontrarte
engañando engañas engañoso ensada entenderán entendible entendió enteras enteros entidad entraba
entraste entretenida epstein equivocaste escuchaba escuchan escudo especificados espectro
esperare esperarse espina estabilidad estafando estarás estractos estudiado estudian estupendo
exacta explicó expresarse expuesta extrañar extremadamente facilidad falla fallas falsedad
faltaron famosas ficción figurita filtrado finalidades firmament formación forzada fracaso fua
fuesen fueses fumado futbolistas futurista ganadores gemelos generaciones genia gilipolleces
gobernar gonzalo grabación gramática granada guerrero gustabas haberla hablabas hablarle hacerce
haciéndose halo hazte hechado hechas heridas heterosexualidad hipocresia hombros hubieses icloud
iluso imaginado incendios incitar incluyendo inconsciente increibles increíblemente
indescriptible indio influenciar informate innecesarios instituciones intenciones interesar
interese internacionales invertir investigues invitar izquierdo jajajajajajajajaja jajajajajja
jajajjajaja jamón jodidamente joputa jueces juguetes justificado juzgados lastimosamente
lecciones lección leerme levantarme lgtb llevarlo llevarte loaiza lucrarse líneas magnífico majo
mandaba mascara masiva mataron matemáticas maten medianamente melena metidos metieron metiste
microondas mienten ministerio mirad miró moco molaria moleste monetizar morras moría movidas
muchoo mueras muerde muestres mueven multitud mías münchhausen nacimiento narices natalipa
naturaleza necesarias necesitada nefasto nemesis niñatos nombra nombrado notificacion objetos
observación ocho ocultar odien ofenderse oferton olvidaba olvidan opina pagarle pambi
participantes pasadas pasados patadas pedazos pediste peluchin pendejadas pendientes pensabas
percepción perdiste perdonar periodistas permiten perrita pestes petición pff pibes pintado pium
planas plomo plásticos podias podras podrian poli polémico ponia ponle porfin porqueria porros
pou practica preferiría prefiere preguntaba preguntando preguntarle presentar presión prestigio
presumir probabilidades profesión progreso propones provocación psicólogos publicando puestos
qlo quejarse quemada querian quesada quieroooo quitó quiénes rancio rapero rastrera realidades
realizando rebelde recalcar recapacite reciben recibes recibida recomendados reconocerlo
reconoció recordando recurrir refiriéndose regalaron regalas regrese reitero rendimiento
repartir reporte repulsivo resolución resúmenes roca rodean rubiuh rumores sabrá sacarlo sacarse
sacarte saldrán saldría salgas salimos saluda sanitarios secciones seguidoras seguirán selección
sepáis seran serian serviría señoras shakira siiii sinvergüenza sirvió soberbia sobrepeso
solteros solucion solucione solía soporto sorprendes sorpresas suaves subio subía sucedió sucia
sueldos suelta sueltas suene sufrió sufrí suicidarme suicidó superarlo superioridad supiera
suscribete suscribirse tardas terapias tercer terminamos tierras tiraba tito toc tocan toks
tomaron toxicidad tragarme tragedia trayectoria tremendas tristemente tucán tutoriales tuvieras
universitaria vacío valió veamos vello vendes vendiste vendrá vendría vendía verlas veían viajo
vias visibilidad visten vistima visualizaciones viéndolo viéndote vlogs vocabulario volverá
votación vuelo vuelvan wapa weas wismicho wyndi yomequedoencasa younow yutuber yutubers órganos
abandono abrazote abriste abrió
""",
    "it": """
msg dei pagina sia utente dell cui stato altri scritto discussione altra voci ciò utenti
modifiche informazioni pare sarà wiki fonti modo qualche stata secondo dato nell sarebbe avevo
nei mettere problemi pagine senso altre serve usare almeno enciclopedia aver cancellare inserire
testo cancellazione modificare vedo italiano sito volte modifica parla spero abbia cambiato
esattamente futuro genere nomi nuove siano articolo discutere farlo fonte sezione sta tuoi nuovi
possono progetto utenza entrambi leggi oltre presente progetti vorrei chiaro chiedo diverso
dovrebbe messo migliori nostri proposta quali queste usa utenze altrimenti blocco conseguenza
continui cordialmente discussioni inutile miei ovviamente parere persone semplicemente sulle
volevo cancellato fatti frase oppure particolare possibili uso vito contribuire dubbio errori
inoltre invito maggiori motivo posto potrebbe saranno soprattutto strumenti avrà contro corretto
erano funzioni italiana mie paragrafo prova quelli ridicolo wikimedia altrove col dovrai guarda
itwiki rispetto sforzi accedere annuncio attribuite aveva categoria comune dalle disagio
dovranno esiste flessibili fornire foundation funzionamento funzionerà immagine interwiki italia
keegan modificando notifiche parole permessi peterzellcommunity possiate renderà richiedere
riguarda saluti scritta scusiamo sfortunatamente sicuri tecnici trovato univoci andrebbe cmq
creare data fatta messaggio probabilmente riferimento ringrazio seconda stati stessa tale
termine ultima anzi avviso bel dall direi discorso errore giorni inglese lascia nessuna possa
realtà sarei sicuramente simili sue sull titolo togliere trovo vandalismi veramente alcune
argomento bloccato chiesto conto correggere creato dati effetti giro immagini incipit inserito
intervento legge neanche nuova occhiata potrei utile versione avevi cancellata ero farti insulti
personale purtroppo richiesta riguardo scrivi seguito senti suoi tratta assolutamente attacco
avuto bot calcio diritto esistono evitare facendo informazione notato notizie ore piuttosto
potresti prossima rispondere roma sandbox scrivo semplice simile tutta usato aggiunta alcuni
appunto attenzione autore benissimo cronologia diverse evidentemente frasi manca maniera
messaggi nessun notare ordine paolo parlando passato pensavo perdere personali qualsiasi ricordo
saluto segnalazione soltanto sport stile tre trovi unica vetrina aggiungere aggiunto
atteggiamento autorità avrebbe bloccare citare comunità confronti corretta correttamente esperto
essendo intendo italiani linea mesi messa motivi negli opinione ovvero peccato periodo piacere
poter presenti proposito quei relativa ribadisco risultato sapevo scrive segnalo sistemare siti
solito sugli tabella varie verità verso affatto aggiungo amministratore anonimo bibliografia
citazione dispiace dovresti ecc educazione firma generale gruppo inserita inutili materia
modificato originale parli pazienza pensiero persino pertanto posizione potuto procedura provare
riesci ripeto riportato sarò spiace vaglio vandalismo vera vuol articoli attacchi attuale
avresti berlusconi chiama continuare controllo darti dirti dite dubito finito gac importanti
inserimento lug metto motivazioni necessario nonostante noto opera permesso personaggio pezzo
politica possibilità precedente principale provato punti qualunque saprei sbaglio segnali
sessuale siccome significato sistemato spazio spiegare titoli tolto tuttavia ufficiale vada vari
vede alcuna andato attività avessi cancellate capisce carlo cercato chiesa circa citi conosci
contiene contributi corso critiche curiosità dagli diavolo dicendo differenza direttamente
dovuto enciclopedica enciclopedico evidente fastidio fatte fossi frattempo grado guida
intenzione interessato interno iscritto lascio luogo metti minima minimo normale notizia ottimo
pensato perfettamente personaggi piena portale precedenti prossimo quattro regole ricerca rimane
rimuovere riportata risposte risposto risulta ritengo sacco scelta seguire talmente toni
traduzione trova vandali vandalizzare vandalo vostro voto abuso accorto alcun altrui
amministratori annullato attualmente bensì breve capo categorie centro cerco cervello codice coi
collegamento commons comodo comportamento concetto considerata copiato cos cotton decisamente
dedicato descrizione dimostrare diritti diversi domanda dubbi elenco eliminato enciclopedicità
eri espresso eventualmente farei fascismo fascista femminile finale fossero frega funziona
funzione giornali giovanni giudizio grosso ignis ignoranza impara impossibile indiano indietro
infinito inserite intanto interesse lasciato leggendo leggo lettura libera libertà limitato
mantenere massimo memoria merito minacce napoli necessità occasione opinioni pari partecipazione
peraltro perciò piacerebbe praticamente primi probabile proposto provo pubblico pur qualità rete
riesco rilevanti rimosso riuscito roberto rollback rotto sbagliata scopo segnalato sembrano
sembrare servono simbolo soggetto specifica spiegato stava stavo stia stub stupidaggine successo
sufficiente suggerimenti tali tesi testi threecharlie tranquillamente ufficiali ultime versioni
vostre votare wikilink abbiano accusi aiutare anticipo argomenti aspetti averlo avvertito avvisi
avvocato bandiere bisognerebbe blackcat bozza brutti calciatore cambi capace carriera casino
cavolata cerchi certi chiamo chiara chiedi cicero cit citata citato coda collegamenti conferma
conosce conosciuto considerare contenuti controllare convenzione convinto cordiali correttezza
costretto creazione criminali cristiana cronaca culturale darci darmi decisione deciso destra
devono dirmi disambigua dov dover doveva draco effettivamente eliminare erinaceus esposto
espressione eventuali farmi favorevole figli francesco fronte gentile giu giuste gruppi
immediata importanza indica infine inseriti intelligente intende intendi ipotesi jalo jollyroger
letterale licenza limite lingua luca lukewiller maggiore mancanza manco manuale marcok maschile
medicina mettiamo miglioramento migliorare milioni modi mondiale naturalmente neppure nord
nuovamente oggetto omofobo opere ops osservazioni ottenere paio parlato pene perdonami permetti
pezzi pirla politici pratica prendi presa prescindere propongo proporre pubblicati rapporti
registrato relative religione rendere repubblica resta ricevuto ricordati riferimenti rimanda
rimossa rimozione rivista rivolto salvo sceriffo sembrava semmai sennò sergio sfuggito
shivanarayana sinistra smetti società sostituire specifico squadre stampa stavolta storica tempi
termini terza tizio totale tramite trovano trovate venisse verrebbe verrà vituzzu voluto vostra
votato xinstalker acuta addirittura affari affermazione ale alexander altrettanto ambito ancor
andarci anima anziché approfitto archivio arroganza associazione assoluta assoluto attendibili
attesa atto attuali automatico autori azione azz bannato barnstar bloccarmi bloccate blu
cambiamento campione cancellarlo cancelli capita categorizzazione cattolica cavolate cercherò
certe certezza chiamata chiederti chissà chiunque chiusa civvì classe cliccare colpo comuni
condivido conti contributo corda correzione cortesia creando creata credevo danyele debba
dedicata definire definizione diamine dicitura difendere difesa differente difficoltà dillo
dimensione dimenticato dipende discusso disposizione diversa divisione dizionari dovete dovevo
dovrei dovremmo effetto ennesima enti errate esclusivamente esempi esistenza esser età europeo
evita faceva farebbe farsi farò fascisti finchè firefox fondamentale fretta gentilmente gian
giornale giudizi giuseppe giustamente glielo grafica idiozie immagino impegno inciso incolla
incompetente indicato indice infantile iniziato innanzitutto intenzioni inter interventi
istituto istruzioni kōji lasciamo lavori lega letta lettera limiti logico maggior maleducato
marginale maroni massima materiale mettono moroboshi mostrare motivato nazionali nazismo nazisti
nick numerosi obiettivo offendere offese omicidio origine ottobre paesi parecchio parentesi
pareri parliamone parma parolacce partito passaggio pensate perplesso peter porre potrebbero
prende prese presenze principali privacy privata problematico procedere prodotto propria
pubblicità quanti recenti reso restano riconoscere ridicola righe rilevanza ripetere riportare
ripristinare risolto risolvere riuscire salvare sannita sapete sara sarebbero scatole
scientifici scopa scritte scrivendo scuse segnalare sentito sento sicurezza singoli snowdog
sostenere specifiche spiegazione spiegazioni sportivo stagione stessi steven studiare
sufficienza suggerimento superiore tentativo tieni tranne trattava troppa ufficialmente
ulteriormente ultimi umani usano valore vecchia vecchie vedrò venuto veri visione vogliono
voleva vorrà abbiate abusando accettare addetto adelchi affermare affermazioni aggettivo
aggiungi aiuti altronde ampiamente antipatico aperta appare apparire appello appoggio apposito
apposta apprezzo approfondire arabo arbitraria ark armi arrivati arti ascolta aspetto attimo
attori attraverso austria austriaco austro autorevoli avemvndi avendo avrò azienda baku
basterebbe batman battaglia battuta beato benedetto bimbo biografia blocca brutte bug cacchio
campi campionati campionato cancella cancellati cancellazioni cancello canto capisca capitato
caprina carattere caratteri caricare caricato carico catafratto cattiva cavalieri centinaia
cercando chiamato chiami chiaramente chiedendo cinese cinque citati citazioni civile
collaborazione colore colori coloro comincia competente competenza completezza comporta
comprendere comprensione compreso condanna condannato confermare conflitti conflitto confrontare
confusione conoscenza conoscere conosciamo consecutio considerato consideri contano contengono
contenti contenuto contesto controlli copiare copyviol corriere costituzione cristianesimo
cruccone curiosa curriculum dallo danno darà darò davide decreto democrazia descrivere dibattito
dichiarato dichiarazioni dimenticavo dimmelo disinformazione documenti dominio doppio ebrei
eccessivo eccetera edita effettuato egregio elezioni elleelle emerito emo enciclopediche
entrambe entrano episodi equilibrato errata errato esce esecuzione esistano esprimere esterno
evasione evidenza facilmente fallo farla farne faro farvi favorevoli fenomeno fidanzata fiducia
fila filnik finirla finita finora firenze formazione fotografare fottere freddyballo fregato
frutto gen generare gentili gesù giacomo ginosal giudicato giunta gliu gradirei gradito
grammaticali gregorovius guardi idem imparare imparziale impressione indicare indirizzo
informatevi iniziare insensato inserisci insultare intelligenza intera interessanti intero
interpretazione intervenuto inventato invitato irc ironia istituzionali lana lascerei lasciata
lasciate lavorando lemma leoman lezione linguaggio lingue loghi logica luglio lunedì lunga
macchina madaki maggioranza maglia maledetta maledetto mancata mancava mandato mani mantenerla
marco maschi max mette mettendo metterlo metterne migliorato minaccia minimamente ministero
minori mirko modificarlo morino motivazione musicale nanna nazionale nazista necessariamente
neutrale nicola novità nudo numeri obiezioni occupato offensivo omosessualità opportunità
opportuno originali ossia paladino palermo palese paragrafi parametro parenti partecipare
partiti pdc peggior pensano periodi permetto phyrexian piacevole piazza piedi piero
politicamente politiche politico popolo pornografia portato posizioni potrà poveri precisione
pretendere pretendi prevede privato probblema procedo procedure profondamente programma
proporrei proposte propri proprie proprietario proprietà prossimi protesta protetto protezione
pubblicamente pubblicazioni qualcun quinto radicale reato recidivo regione registrati religiosa
remulazz resti revisione revisioni revisori richieste richiesto ricorda ridicoli ridotto riesce
riferito riferivo riguardanti rimandano rimasto rimediato riporta riportate ripristinato rischia
rischio riscritto risponderti ritardo riuscita rivoluzione roboter romana ruolo russo ruthven
salta santi saperlo sappi sappia sasso schifezza scopiazzata scorretto screenshot scrittura sede
segnala segnalazioni segno seguendo seguente segui senpai servizio sessuali sette settembre
settimane sic simone situazione smettere smettila sms sociale socialista solitamente soluzione
sospetto sostanzialmente sostenuto sottoscritto spagnolo specifici sperando spostamento spostato
sputo stabilire stazione ste stemma storici storico storiografia struttura studi studio
stupidaggini stupidi succedendo successivo sud superchilum sveglia sysop tasca tecnicamente
tecnico tedesco tenuto territorio tette tipicamente toccare toglierla toglierlo tradotto
tradurre trama trattano trattato triple troppi trovarne turno ulteriori università uomini usata
usi utili utilizzato vecchi vengano veniva verbo vere verificare verona verranno viceversa
vietato viii violazione vittima volete volontà votazione voti vuoto wikidata
""",
    "pt": """
ela deus tão feia desse brasil falando pariu carai dessa kkkkk fazendo vontade odeio esses
outros outro kkkkkk essas povo bolsonaro rola kkkkkkk vezes sendo mesma mpn stfvergonhanacional
comigo fora gosta kkkkkkkkk kkkkkkkk deu qualquer cabelo viu stf vejo agr seja mina caraio
kkkkkkkkkk vendo errado cmg duas acordei colocar passando sinto fiz nowunited primeiro
kkkkkkkkkkk paulista inferno minhas enquanto passou perfeita pois perfeito mds aguento levar
pica primeira achar mto voleinaglobo deles imagina sonho dps uniters chorando hein graça
querendo carioca kkkkkkkkkkkk opinião retardado achando mudar acredito brasileiro consegue
deveria mensagem outras além qnd sentindo veio desses feito melhores namoral sozinha suas
tentando teve dms fazem flamengo indo ngm pinto assistir deixou dizendo lula ponto reais tive
bater foram força gnt kkkkkkkkkkkkk noção postar aos possível simplesmente horrível incrível
mulheres atenção direita inteiro kkkkkkkkkkkkkkk perto respeito nego nele ovo tóquio amizade
apaixonada mandou tao tenha acabei alves bandido casal daniel enfia entendi fato ideia lembro
senhor vim brasileira clube dessas exatamente homens iria joga apoio crlh falam palavras praia
saiu começou coragem filhos piada rindo segue virar aguenta dnv geral tiver acontecer chegando
comendo feira acham algumas alguns encher esquerda faça infelizmente kkkkkkkkkkkkkk orgulho papo
tentar justiça sla amg arrumar comprei consegui educação felicidade mensagens passado acontece
acontecendo acordo bahia começa conhece entendo fode inclusive morrendo passei pedindo poderia
pprt sabendo acreditar caráter chora dou ficando jovem kkkkkkkkkkkkkkkk maioria preguiça quebra
questão remédio sulista tomei vindo vitória após coloca conversa dados devia esquecer ficam fofo
jato olhando porém realidade situação virou bota comecei conseguiu crianças enfiar fazia
feminino fizeram imprensa inveja ouvindo pedi porrada rapaz respeita acorda bichinha boas cortar
entende férias gringo impressão lendo mandando merdas sociedade som trabalha vira ansiedade
aquilo boiola conheço ditadura doendo fãs imagem inteira kkkkkkkkkkkkkkkkk meia ministros mora
palmeiras perceber presta raça relacionamento ressaca senhora sonhei aceitar almoçar assistindo
brincadeira corja eram esqueci exemplo ganha inpe jogou maconha mandei maravilhosa muda mulherão
namorar neste pegou prefiro provavelmente proximidade quis receber sentimento banheiro conheci
dona dormi fundo idade insuportável lembrando lhe maravilhoso metade mineiro paulinha pediu
peito projeto relação saio saúde sdds tandara achava acredita cheio chorei choro consideração
delas deste estresse guria informações jornalista limpar nasruascontrastf nossas nossos
novamente perguntando qualidade sdd tendo teria wpp anjo anão bagulho carinho cheia chover
condições conteúdo correndo descobri direto espelho extremamente fale graças honesto jogadores
kkkkkkkkkkkkkkkkkkk lembrei liberdade mania miga mudou músicas parem peguei respeitar rosto
sociais sofrer solta sucesso tesão tirei trampo trouxa veja aceita amazônia atual baiano chefe
dançando defeito errada felipe gabi havia kkkkkkkkkkkkkkkkkkkkk luta milhões parada parecendo
pele perguntar preço roupas socorro tamanho tomara ônibus abri aguentar amei aqueles atitude
bandidos bixa campanha chamam começo compartilha contratação costas curtir cólica deixo
desmatamento dizem enfim fude funk grana jogos joão kkkkkkkkkkkkkkkkkk ladrão lançar lidar
marinaruybarbosa mlq mídia namoro nasci nervoso opção petista postando quente ruas saiba
sensação sofro somente tirou tmnc toffoli trabalhando trazer turma aproveita aproveitar
aquecimento bglh brasileiros brasília caixa capacidade cartão chamada chamado comeu conseguem
contato curte deltan desta diferença diretor dormindo dupla faca faltou ficava fofa forças
fudida gostam janeiro jornalistas lanche lateral luanetes luansantana luansantanashow mamãe
melhorar nesses perdendo perfeição pilantra postou precisar preto quadrilha resenha
responsabilidade seleção serviço slc trem troxa achou acima agradeço alheia animais apareceu
aumento bala beijar belo bixo bolado botei carinha casaco chamei cigarro clipe coloquei comissão
companhia corinthians daquela daquele deixei descobrir desespero devem dignidade enche enchendo
encontro esquece esteja fechar feita filmes folha juanfran leite libertadores lomotif maiores
manter moto namora naquela naquele necessidade nomes nude oab olhou oportunidade perna português
posição precisam preconceito pretinho provas pudesse recebeu saindo serem smp soco sotaque sumir
tinham tou transar unha usam xingar aaaaaa acordou agonia aposto beija bolo braba calcinha
camila colocando contratações copo curitiba dallagnol dani deixe depender deveriam diabo ensino
escuto fzr ganhando gostaria leão loja mesmos minas novinha operação paraíba pergunto precisava
puder rodada seguindo segurança sejam sentar sentimentos tomou trocar zap abriu acreditando
amizades apanhar arrependo arrumando besta buraco cadeia cambada certas colocou confiança confio
conhecido conversas cor corrupção covarde desisto deusa dorme emoção emprego ent entendendo
entendeu ernesto escolher esperança estiver existem fofoca forçar grt impossível informação
invejoso jornal jornalismo levando levou limites membros metendo mexer moraes morta mãos
namorando nascer negão nesta pagode parou percebi perguntou personalidade pesquisa pfv pipoca
poha pontos poucos precisando prender produção quatro queiroz reclamando respondo sagrado
seguinte sinal stfvergonhanascional surpresa tempinho torcedor tênis velha venha vey viagem
viram virei voltando adianta afim ajude ajudem amam anta apaixonado apaixonar apoiar aprendizado
ariana ações barulho batata batendo bgl bolsominion brabo calar campeão casamento caçar coe
coitada coitado comemorar começando comi conhecem conseguindo constituição crescer criminoso
criou deitada deixando deixem direitos durmo dói dúvida enfiou entenda esqueceu explodir expor
ficamos ficaram gado gastei gracinha gravar grávida humanidade lembra livros matou merecem
mereço mexe militante mudança nervosa obrigação ordem passam pensam pensamento personagem pgr
pia piriguete população portanto povinho precisamos prisão produtos putaria quantidade quão
rafinha ranço recife resposta sofrendo tadinha teremos terá tml treino tricolor uai vendendo
verdevaldo vermelho voltou aaaaaaa abel aberração acertou acontecido ajudou atoa aulas biscoito
botafogo brega brigando capeta careca celso cenas chatos chinelo coisinha comprou comunidade
conclusão confia conte conversando convite curti dança deixam desafio descer descrever
destruição doer doi entregar erros escrevo escuta esperava esquerdista estranha estressa
estressar falsidade faria fatos feijão fia ficaria fizesse flopar fodas frango freire garotas
gilmar gostei hipocrisia impostos impressionante independente irmãos jair jisung judiciário
loucura maturidade mermao mermo milhão mostrou mtvhottest neto nmrl nordeste novinho odeia pano
papai parede participação passada perfeitos porem possibilidade poupe praga presença previdência
produzir puxa quais quantos quartas quebrou reação recebi reconhecer reconhecimento reforma
região respondi reunião rever rivalidade rodrigo sacanagem saudável sco sindicatodosdivulgadores
sofre sofrido surtar tatuagem tiveram torce torcedores unhas vejam vermelha verão visão vizinho
vizinhos voleinosportv votou vsfd abraçar advogados analfabeto antigo araraquara araújo arrumo
assumir ator atrasada autoridade avião ação baseado bebo bloqueio bobeira bolha brancos braços
brigar brincando brincar brinco brota bêbado cabelos cachaça cachorra cadeira cadela carteira
cega cheira chernobyl chocada coletivo começaram consequências controle coreano cozinha cpf
defeitos defende defendendo deltannapgr demorar dependendo depressão derby deviam dilma direção
discussão doença edição eduardo elogio emagrecer embaixo engolir entendam envolve erra escada
escutar espaço espírito esquerdistas esqueçam esqueço estressada estuda estudando estudo estudos
estupro exonerado fancam favela fazenda fechado felizes festas ficado fizemos fizer florzinha
fracassado friozinho frota gelada gelo geração gostava gostou governador guri infernos
instituição jogam jovens julgar kkkkkkkkkkkkkkkkkkkkkkk krlh lamentável lançou ligo lorenne luiz
macaca manaa manifestação matemática mendes mentiu mistura musicas nação nessas orelha pacote
padrão palhaçada parente patamar perco perguntas perguntei pesquisar possivel postei poucas
pouquinho prazer praça prefeito pressão pretinha procurando produto profissional projetos
próprios pulo põe quieta rainha receita religião risada roubar roubo segurando senha sensacional
sentem seokjin serão setembro sobrancelha solteiro solto sonhar sufoco suja sumiu talentoso
tartaruga tecnologia tentei terceira tesao tlgd torcendo tornar tpm trabalhava tranquilidade
transando traz troco tuas turnê vacilo vinho volei votação vácuo óculos aaaaaaaa abandonou
acesso acidente aguardando ajudando alexandre alunos ancine anitta anjinho anjos antiga apagou
aparecendo apoia aprendeu arruma arrumada assassino assuntos atlético atrasado att balde barroso
bia boywithluv bozo burrice calado calça caminhão cancela capinha caralhoooo carreira cblol
certos chateada cidadão colar colo colocam coluna competição condenado condição confira
conhecimento coroa correverdevaldo creio creme cresceu criminosos curto danilo daqueles decisão
deitar delicioso demonstrar dera derrubar desculpas detalhe disposição ditado divulgar dobro
eleitoral encontra engano escolar escolas escolha escolhe esquecido esquerdopatas estação
estômago facada faixa falaram falava faltam favs fazerem façam febre fechada fechou feios
ficarem fla flamenguista forem fossem fumaça grau gringas hahahahahaha iguais imagens imaginando
imunda incomodar indireta interesses irei irritar iti joelho jogado jongin jornada
kkkkkkkkkkkkkkkkkkkk kkkkkkkkkkkkkkkkkkkkkkkkkk lama legenda leitura lerda levem linha longo
maconheiro mainha maldade maquiagem mesmas militância mimos moss muie muitooo mídias natureza
neles ofensa olhei olimpíadas osso ouvido ouço pagamento passivo pegava peixe peço pfvr piadas
planejando portão preocupação preta prioridade professora promoção psl qdo qria quebrada queimar
quentinho receba recebe relaxa respondendo responsável risco rolar roubou salvou satisfação
saída segredo senado sextou situações sobe socão solteira solução sonhos suporto sustenta
tazercraft tentou terem tivemos todinho toga traficante traiu tratada travesseiro treta troca
valorizar venho vieram virando vivem vivia vozes vzs xingando ícone aaaaaaaaa acabaram acertar
acordem acostumado afastado afff afirmou aflição agir aguentando aiai alcançar alcolumbre
aleatórias alemão alheio amando amarelo ande antigamente apaixonei aprendendo apresentação
aquelas areia armys arrastada arrepender artigo assassinos assinatura assiste assustada atitudes
atleta ato atrapalhar aumentou bambi bebendo bebi beira biba biquíni blogueira bofe
bolsonarotemrazao botou brigadeiro brinca brt cadelinha caindo camisinha caralhooo carater caraí
carluxo carregar casados chegada chegue chovendo churrasco chuveiro chuvinha cientistas
classificação coaf colher colunista comando comum conhecendo conhecida conseguiram conselho
consumista coreografia cores corro cortei cota covardes credibilidade criticam ctz cursinho
curtiu cuéllar cúmulo defesa deixaram dentes descobre desconfortável desconhecido desenrolar
desenvolvimento desistindo desistir desnecessário destruída dinossauro divulgação djonga duvida
duvido duzentos dúvidas efeito encarar enfiado enfiam ensina ensinando ensinar envolvido
escreveu escutando esforço espaciais esquecem estive estragar estreia estádio estávamos exigir
exposingmindustry falir faxina fei feitas figurinha filhas fluminense focar foco folga formação
fraca fracasso fraco furar galvão ganho gaúcho gerar gols gritaria gui herói ilusão imoral
impecável impressionada incríveis indignação interagir intervalo intimidade inventou iremos
jardim jeitinho jogão julho kkkkkkkkkkkkkkkkkkkkkk kkkkkkkkkkkkkkkkkkkkkkkk
kkkkkkkkkkkkkkkkkkkkkkkkk ladrões lamber lança lançamento lembram lembranças lembrava licença
ligou limão loucos louça lua machucar madrasta maia manooo maravilha marília melhora mello
mendonça menstruação mermão mestre metia mexendo militantes mimo miserável mochila monstro mores
mudo mural murro mutuals negaram neném notificações novidade odeiam olhem onibus organização
ouviu pagam palpite parecem passagem patriotas pedem pedra pelada pequenas percebe perda perdoa
perdoe pingo podendo porraaaaa ppk precisou preferida preocupar procurador profissão provar prr
psicologicamente puxar quadra quebrando queijo quietinha rapidinho raquel recebendo reinaldo
reserva resolveu revolta rinite roberta rolando rotina roubado rsrsrs sabiam samba sensata senta
sentiu shipp shippam sigam simm sonhando sorrindo sorteio sujeito superou surreal tacar tadinho
tals tentam terei tinhas tiram tmlc todinha toquio trabalhador traveco trocaram unida
universidade valha verdadeiro versão viajando virada virgem vitórias viveu voando vossa votei
vítima xota zoar álcool abaixa abençoe aberta aceito acesse acharam acreditam acredite acreditou
adiantou adidas adoção advogada aeroporto afastar agressividade aguentei algm almoçando aluno
alvo amarela ameaças amgs amiguinhos antagonista análise apanha apanhou aparência apelido
apertado apertar apresentar aproveitando aranha arbitragem arranjar assinar assisti assistência
ativa atividade atualmente avenida bagunça baita baitola baixar baixei bandeira batalha bct
bebem bebeu beijando beijou belém bichinho bico bilhões biscoiteira bolsominions bonde boquinha
botando brilhante bucky burocracia bêbada cachaceiro cachorrinho calada calças caminhada canais
canalhas cansam cansou capitão caralha caralhooooo cartola casalzão caçamba cearense chamaram
chamem chateado cheirosa chocado choram chove cinza ciúmes cocaína colocava comam combater comem
começam compartilhar compensa concordar conexão conhecia conheça conselhos contam contratou
coreia correria correta crescimento criando criminosa cristão cruzeiro curiosidade curtida daora
decisões deixado demissão demite demitido demori demência depressivo deram derrotas descendentes
desceu desconfiada desconto desculpem desejar desejo desenha desenho desenvolvido destes
destruiu detalhes diabos diante dificuldade dificuldades diretoria dirigindo discordar
discutindo disfarçar disto dmss doidão dominicanas doria dormiu economizar eduarda efeitos
eleito embaixador emprestado encarando encho encomendado enfiei engravida engravidar entendem
entram enxerga enxergar escrevi escrotos escutei esfregando espinha espirrando esporte estarei
esteve estragou estrela estressando estudante estudava evolução explodiu exploração exposição
expulso falha faltava faze fazes fem feminina ferrada festinha fingindo flnd fodasse fodendo
fomos fone friaca fulano fut fux fôlego ganharam garante garra gatinha gatinho gentinha
geralmente giuliabenite gogh gostosinho governos gozar graus gravações grego grenal gritei
guilherme hackeadas haddad haja havendo heyoon homenagem honestidade imaginem incomodada
indicação ingressos inimigo insegurança interessados invadiu investigações iriam irresponsável
japão jaqueta jeno jogaram juízes kkkkkkkkkkkkkkkkkkkkkkkkkkkkk kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
lambe lançando laranja lascar lauren lavando legalização leis leitinho lembre lembrou lendas
lhes liberar ligação limpa lindinha lixos lojas lorenaqueiroz lorenaqueirozig luan luana lutar
madeireiro maionese malandro mandaram mandava manoooo maranhão maravilhosos marcela mariana
marielle mdsss melhorou mengão mereceu mico midia mimada misericórdia missão mnh morando morango
morrem mrm msgs mudanças museu nasceu nascimento neguinha neves noites nordestino novidades
noçao oferecer oito ombro ovacionado padrasto paixão palco palha panela parceira parcela passos
patrão patrícia paulino pavão pedaço pensamentos perca perceberam percebo perdem perdoar
perigoso pernas pesadelo pessoalmente petistas piorar piris poderiam podiam porraaaa possui
postagens poze prefeitura prejuízo prenderam pretos primeiros principais privacidade produz
professores profissionais proibido proibindo proibir proteção pulando pular putinho quanta
quebrei questionaram quiserem racionais rapa recado recebido recebo recepção reclamam reduzir
reflexão regra representam respeitem respondem retorno revoltante risos rolou rubro rui russos
sabadou sdv secar seguiu segurada seita sentando senão serei sertanejo serviu serviços setor
sextadetremurasdv sigilo sinta sobrinha sofia sofrimento sororidade spfc suju supostamente
surpreende surtada taemin taxa telegram tentaram termos testar tlg toalha tomanocu torcia torta
tradição tuite turmadamonicalacos umbigo urnas urso uruguai usei utt vagas valorize vaza
vazajato vazou velhos verdadeira versões vila vitima voadora voltas vítimas yasmin zico árvore
índices aaaaaaaaaaaa abacaxi abaixar abertura abraça acabava aceitando acessórios achamos ache
acompanho aconteceram acontecimentos acordada acusou adeus adorei adotar adquiriu advogado
afasta afastamento afeto agentes agradeceu agressiva agressão agricultura agrotóxicos aguardo
aguentou ajudado aliança alinhado aliviada almeida almocei alérgica amargo amarrar ambiental
anem anticoncepcional apaixono apanhando aparelhamento aparelho apoiado apoiando apoiava
apresentou aquário aranhas arrebentar arrepiada arrumei artur assisto associação assustado
atendendo atletas atmosfera atos atravessar atriz atuais atualização atuação aturar audácia
autorização avesso açaí babaquice babar bafo bagulhos baixinho baixos baião balançando balançar
baleia bancada bangchanselcaday banqueiros bareback barrar barriguinha bebada beijinho beijinhos
beldade belíssima bernardo berrando bilheteria biscoitero bissexualidade bloqueou boate bocado
bochecha bolacha bolsonarista bolsonaristas bolsonaronabahia borracha botão braga brigou brilhar
brotar brotheragem bucetinha bugado buscou bênção cabeças caderno cagou caguei camarote
caminhando campeã campinas canil cansativo cantou canudo capazes capim caralhoo carinhosa carla
carrinho cartaz caruaru carvalho cativeiro cavalgada cavalo cego cenário certinha certinho
certíssima chamava chapada cheirar cheirinho chifre chopp choramos chorou chupada chutando
chuvoso ciclo cientista cinzas citei civilidade ciúme classificado classificou clg cllr cobrança
cofres coleção coloque comentam comentarista comentei comentem comerciais começarem comidinha
comparação comparações compartilhou compraria compromisso comunicação conceito conforto
conquistou conseguia conservadora contatos continuam contém convidada corajoso corações
corinthiano corintiano corote correm correto corretor coréia cospe cotovelo cozinhar coçando
crente cresci criadores ctg cuja culpada cuspida cês daq daquilo datafolha deboche decepção
decidi defensores delacruz demorei denovo dente depoimento depressiva deputado deputados derreto
desafios desanima desanimada desce descobriu desconheço desconstruir desenhar desenvolver
deserto desgoverno desmaiar despedir despreparado desprezo devemos devendo dezembro dicas digam
digitar diminuindo diminuir diogo dirige discorde disponível distraído ditadores divulgado
divulgados dizia dmsss doação documentário doentes doentio doka donos dores doutor duvivier eae
eca eixo eleger eleitor eleições enaltecer encaixar enchi enchia encontram enem engana enganado
enganados engole engordei engordou enjoo envolvidos enzo errei escadas escalar escolhendo
escolheram escorpião escova escravidão escreve escrevendo escurinho esgoto espanha esperanças
esportes esportiva esquecendo esquentar esquerdalha esquerdo estagiário estarão estilosa estrada
estrutura estuprada exame exames exaustão exemplos existiu exoneração expectativas explicação
explodindo facul falado fandons farto fedido feias feijoada ferir ferrado ficas ficasse
figurinhas fita fixado flw fodaaaa fodac fodasi fofas fofoqueiro fracassada fumou fusca fuça
gabigol gajos galo ganham ganhamo ganhe garantir garrafa garras gastou gatilho gelado gemer
genro gentileza globolixo globonews gordinha gostando goste gostos governadores goxto gratidão
gravado gravidez greenwald gremio gritou grosseria guarani guedes guerreiros guga guia gurias
gêmea gíria hahahahhaha heitor hernanes hidratar hipóteses hmkk homi homossexual homão
horadeporcafé horríveis humanas humilhação ibope icônica idai ideias ifood igualzinho ilha ilude
iludido iludindo imaginava imbecilidade inacreditável incluindo incomodam incrivelmente
indignado inevitável inexplicável infernooo inflamada infra iniciou inscreva insistem inspiração
instituições insuficiente insustentável integridade intenção interação interessado interpretação
invasão investir irracional irritada irritando jade jae jaemin jequiti jikook jogada julga
julgamento julgando jumento juristas juízo kakakaka kakakakaka kkkkkkkkkkkkkkkkkkkkkkkkkkkk
kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk kpoper ksks lacrar lanches lanchonete largada largar lavei
legitimidade lerdo lesão levado levam levantei levaram levo lewandowski liberou liberta ligada
ligam liguei lindão linguinha linhas lisboa lugarzinho lulu luxo macacos machuca malhar
mamadeira mamando mamata mandaria maracanã marinho marmita marola masculinidade matarem mecânico
meias melim melão mensalidade mexem migalhas miltão mineirinho miojo mlhr mnr modric moeda moh
moletom moleza molhada molhado mongolóide monopólio morador mordeu mordida mordo mortos mostram
motorista msc mttt mudando muuuuito mylena nadaaa namo namoradinho nascido negah neguim neguinho
niterói nobre novembro numas olavo olhada olham opiniões oposto organizar orgulhosa origem ouvia
paizão palestras papos paraguai paraiba parceria paredão pareço pariuuu participou passamos
passaram passinho pastas paulada paulão pedacinho pegaram peitos penetração pensou perceba
percebendo perderam perdão pereira perfeitas perigo peça pimenta pitaco placar planejei poderá
poderíamos policiais ponta pontes porcos porraaa porraaaaaaaa portaria posicionar possivelmente
postado precisei prefere preferia preservativo presida presidiário priquito probabilidade
procuradores procurei produtivo programação progresso prontas propriedade proíbe psdb pse psol
publicação pudor putaça qlqr qro qualidades quantas queima quererem questionamento quilos raba
rachei rapidão rapá rasga rasgada rebola recebem receio recesso reclamação recomendo reconhece
recuso refletir regata relações renjun resolvi respeitam resumindo retribuir revolução ribeiro
rima rivotril roda rodeia romantizando rouanet roubando roubaram rumo sabedoria saberia sacana
safados salada sanidade santana sapato sapatonas saporra satisfatório saído seguem seila senai
senhoras sentava serasi sereia serra sextar shortinho simpatia simulado sinceridade sinusite
siriricando sobrinhos sofrem sofri sogro solidariedade solzinho somar somostodosmoroedallagnol
soninho sorrisão souber sozinhos stfsoldadovermelho subiu sudeste superei surta suspeitos
suspensa séculos talarico talkey tamos tardezinha tcc tendeu tenham tenhamos tentativa tente
terceiro terminei termo terreiro terão testando textão thiago tido tiozão titia titio toddy
tomava tomem tora torcem torne torneio torturou trabalhos transtorno tratam treinador treinar
trilha trilho trouxas trânsito tubarão tuíte tweetar ufrj ursinho urubuzinho usou vacila vacuo
valoriza vamoooo vaquinha vascaíno vazia veiga velório vemdesainha verdadeiras veste vestibular
vetor veículos viaja vibrar vicia viciante vindos vingadores vini visibilidade vitao vitor vlh
voltam vomitando vovó vtmnc xente xereca xingo xixi zoando ápice árbitros óleo órgãos ótica
""",
    "tr": """
olarak allah kendi iki biri olsa olduğunu insanlar tam mesaj olmak falan eğer olduğu ancak geldi
geri bütün ediyorum içinde gerçekten varsa şekilde bende bize veya bunun vikipedi yerine
olabilir sayın türk ilgili bunlar şeyler diğer keşke olması kişi diyor yanlış takip yıl bazı
karşı etmek önemli belli tekrar gelsin ayrıca olmayan hem yüzden arkadaşlar ediyor neyse vardı
dedim umarım eski nin şeyi merak türkiye kabul arada dünya eden sene vardır yeter geçen madde
hayırlı birlikte olursa yapmak insanların sorun hafta yerde diyorum kendimi uzun yere gelen
yapan tane devlet çalışmalar farklı isteyen nedir günü kaldı bey bazen sürekli olup değildir
istanbul kez ayrı bizde bekliyoruz düşünüyorum bundan destek gördüm sahip versin chp tarafından
herkesin kullanıcı insanın oldum adı şuan konu konuda insanlara istiyoruz olun insanları resmen
ülke akp bunları kendime sende altında seçim diyen yanında yapıyor başkan mesela dünyanın ettim
hatta yada almak geçmiş türlü özel işi beraber herkese uygun yoktur arasında evde yakın ileti
rağmen günler hesap ondan ülkede alıp annem yeniden edin yapılan neler fark kere seninle burda
aklıma nefret ortaya sağlık üstüne işe laf akşam gidiyor şeye dikkat genel bilir eder hayal
veren gereken olunca sonunda beri olmasın çıktı ders sizden yapar etme etti gidip karar derken
gelmiş sayfa yüksek yüzünden fenerbahçe kısa vatan aldım atama eksik sosyal yaptım aşırı hakkı
türkçe yorum zorunda çocuğu aday birini kontrol üst eve görmek konusunda zamanda defa kimseye
yardımcı üzerine adamlar telif şarkı şeyin güneş halde rabbim başına dünyada yapmış yapıp
allahım bırak dışında gerekiyor sayfasında sonu soru birde onları tartışma bunların buraya ciddi
etsin kalmadı olmadığı biliyor dolar dolu ikinci içine kaynak medya olmuyor saygı vermek yeterli
emin insanı milyon yaptı yıldır şükür başkanı edip örnek üzere erken gelince kimin sevdiğim yaş
yeri adalet güne hayatta kendisi atatürk cidden sahibi zarar adını ağır durumda olduğum onlara
sizde yapmaya açıklama dolayı fikir kızlar şeyleri değişiklik giden hava kalan kutlu yerden çoğu
işin kırmızı olmalı yaptığı özellikle aşık dahil günün hale hayatı kimseyi msj sırf uzak verilen
doğum galatasaray kemal sonuç acı baya diyo durumu edecek geldim hanım herhangi onların tarih
arkadaşım mustafa adım maçı olsaydı tamamen ülkenin adamın başladı birine fatih halk hareket
kadro olmadan yaşamak asıl bekliyor din geçti istediğim istiyor maalesef olurdu başkanım gelip
görünce orda verin yaşında adlı azından belediye ingilizce işler olamaz resmi yolda yolu bırakın
dahi dizi gitmek haklı maddenin olma sorunu verdiği zamanı abd bide dua isim madem olmadı
boyunca gelmez herkesi konusu olanlar olmasa resim silme üzerinde ceza ediyoruz gizli nefes umut
veriyor yaptığınız kişinin merhabalar oraya sayfasına sayfasını sebep sıkıntı takabeg verdim
adına birkaç insana isterim kahve kime kürt olduk reklam sözü sıra tarihi taş yapacak aldı
avrupa birinin dalga eğitim geçer olacaktır olay saygılar sonuna varken babam beş hakaret orta
sezon tercih yerinde çalışan bol bunlara dediğim ince ister kendinizi olmadığını pazar siyasi
yana yoktu çalışma benimle beyaz cümle denk dil gitsin koç rahmet yarım çocukları aziz değiliz
etmeyin görüyorum haberi hizmet mümkün müslüman oluyorum saatte sigara varmı üzerinden altına
bilen etmiş gerekir günde kalmış kan kurban sebebi varmış verir yabancı yahu çözüm ciddiye
değerli ekrem gayet hdp mevcut mutluluk oyuncu rahatsız vakit yaparken yavaş yıllardır çıkıp
çıkıyor ankara başı birçok bizler huzur imza lira maddede sinir yazıyor çıkan ölüm önünde
şampiyon aile basit bağlı dediği diliyorum etmeye güçlü ifade istedim katkıda kelime kilo
kocaman küfür milletin müzik ortada sayfanın sefer adil ahmet aman ansiklopedik deyip duruyor
gider hele imamoğlu nasip puan sabahlar takımı tepki çay alır canlı direk diyorsun genç güç
nerden olmayı yapın yıllar beyin demektir geçiyor görmedim ilan mübarek olmaya verdi yazı adama
almış başında birileri hepsini herşeyi isterdim kaldım mutlaka olduğunuz ortak spor tatil tebrik
yaşayan çift çıkmış önüne özgür bizden devletin eskiden farkında hayata ismi kalp koca konuyu
musunuz sesi sevgiler tabiki yıllık ülkeyi anlam birden fena gereksiz kişisel kullanabilirsiniz
mavi olayı razı sizinle ufak çocuklar ülkeye şimdiden atın atıp binlerce dediğin dünyaya
edebilir edelim elde engel geldik gerekli gerçi gündür maddeleri neyin oysa zira bozuk buldum
diyip hakkını hayatın hissediyorum isterseniz kara kişiye sarı siyaset sonuçta yan şikayet
beşiktaş emre gören güven hesabı içi maddeye mısınız olmayacak yaptığım yola acil alıyor anca
bayram burası elinde gerektiğini gördüğüm hayatım henüz istersen kadınlar kararı nın suç
tarafsız terörist unutmayın verip yaşam zeki zengin ömür atmak bayanlar baştan birliği diyorlar
erkekler halkın hayatımda hediye içerik kalır kendinize sürü yanına yapsın zam alın anlamıyorum
bakan başarılı başladım bilin biliyorsun cuma gelmedi hepimiz köy mantıklı olmazsa proje sözde
teknik yazdım ziraat üstünde aktif atan boşuna diyerek etmez ettiği evli gene gösteren günlük
kaliteli konuşmak kral levent mücadele olanı oluyo tarım temmuz vakti verecek yapmayın zamanında
şehit başıma bilim bilmeyen bilmiyor boyu davet derdi diyoruz elbet eline elini eylesin farkı
filan garip gönül hemde izlemek izmir kalsın kar katılıyorum kavga lanet mağdur mehmet mesele
mezun murat olsam ruh sapan soruları yapmayı yarı yazın yedi yerim önceden akıllı anadolu arası
bakanım bayan bildiğin dimi dini diyelim düzgün düşman dışarı dışı hakları kadının kapalı
maddeler mesajı olmasını sayfayı twit uyandım yüzüne üniversite alakası aydır ağzına bilgisi
biliyoruz biter dosya ederiz eminim ettiğim gençler girip iktidar ilgi istediği kendim malum
masum muhtemelen muhteşem olduğumu olduğuna pişman sabır sevinirim soğuk sürece tavsiye temel
yazmış yağmur yolunda zamana bakıyorum başarı bölüm derim değişikliği eyt gurur iftira illa
içimde kızı maddeyi memnun neyi oda olurum sayısı sağlam silinmeye sonucu sıcak vandalizm vermiş
yeşil çalışmak şablon almaya aralar aydın bakış beyler dersin ekonomik etsem eylül fotoğraf idi
içim kamu karşısında kitabı okula olduğundan oturup oğlu sağlıklı sonrası teslim yapıyorsunuz
yıldırım önceki öncesi şeyden şeylere aldığı baktım bağlantıyı bölümü derler değilsin emek
etiketini gereğince hakan halen hali hariç iptal iyice izliyorum işini kalbim kendisine lakin
mart mhp neye pazartesi sormak söylüyor yaaa yalnızca yapılmış zamanlar anlatmak attı açıp
bahane değişiklikler geleni gelirse geçtim gitmiş görüşmek gözlerim gücü güzelim heralde iddia
ihtiyacı kendisini kişiler nedeni nolur parası resimleri saatten savaş senedir sensin sert
sizler taraftar yakında yüklediğiniz şablonu şart abim anlamak ayı aşkına barış başkası bulunan
demişti diyorsunuz dönem dönüş geçerli görünüyor gül ihtiyaç işleri kat katkı kibele kriterleri
kullanım maddesi mutluyum okuyun olmamış rapsarefendim sabaha savunma sayesinde seneye serbest
sizce sonradan tayyip terör veriyorum yapmaz yazar yaşıyorum yönetim zorla örneğin şampiyonluk
şeker şimdilik atar biriyle bırakıp cumartesi demokrasi derin diyecek doğrusu geriye gözden gıda
hukuk ihtiyacım istediğin istifa iyisi işine kişilere kurum midir olmasına olum samimi sayfalar
sayfası seviyor siyah söylemek sıfır sınav talep tanım unutma yazıklar yazılmış yurt yıllarca
öncelikle aldığım bebek biliyorsanız cahil cumalar deki derece değildi ederken edilen fener
forvet gittim hasan içeri kedi kendileri kişiyi konuşuyor korkuyorum kullanmak kural kısmı
okumak olgun onunla parayı seçimi sistem sorularınız söylüyorum tahmin taraf temiz tıklayınız
verdiğim vermeye yazan yılda zamanlarda çalışıyor çalışıyorum üzgünüm ailesi bakmak bağlantı
bedava bulmak cem dek dönemde grup görüp gözü günah haram hayatını insanlarla izledim kalıyor
kategori kızın lig maddelere nedenle oldun olduğun olduğunda olmaktan olmuştur politikası
sokakta sonraki yaklaşık yaparak yaptığın yasak yerli yeterince öğretmen üstelik şans şeklinde
anlamı ardından atmış bakmayın bakıp balık bilerek birbirine burcu deme demekki devleti
dileğiyle dosyayı doğal düştü düşünün elinden etmiyorum geliyo gelmiyor gelse genelde gerisi
göze halinde halkı herif hizmetli iletişim isteyenler kafam kanser karanlık maça miydi miyiz
muhalefet olalım orman sever silah silinirler soruyorum suyu ters uyarı yaparım yapılır yazmak
yerlerde yerlere yolun öldü ünlü üye aldık algı alıyorum ayakta aykut açısından bekleyen bişi
boşa burdan dedin dili diyenler dostlar duran ederek filmi gereği gibidir giren günleri hakem
hakim haziran hepiniz ihanet insanlardan iyiki içindeki kalmak karakter kimi konuşma kpss kuran
lise maddesine milyar nede nedeniyle polis sohbet terim tivit toprak yaptın yapılacak yılında
öğrendim üzüldüm altın ansiklopedi aşağı aşkım bahar başlar beter bileyim cumhurbaşkanı
cumhuriyet darbe derdim derse duyun etmeyi ettiniz falcao futbolcu fırsat gidecek golü görün
günlerde hedef huzurlu ikisi ileri inan inşaallah iyidir kadarıyla kalbi kalın kendilerini kör
nedense niyetli okudum okulda oldugunu olmam pes politika premiosmtvmiaw saygılarımla sağlamak
sessiz sil sonrasında söyledi toplum vicdan yazdığı yazmaya yazıp yaşar yoluna çekti çiçek
özgürlük adayı amacı anlamda asker ağustos bilgileri bıktım cesur dedik değilde duymak dürüst
eleştiri emanet emeklilikteyaşatakılanlar ettik eşit faydalı gizlilik görmezden haline hatası
hesabını iken imkansız itibariyle içerisinde içinden işaretlendikten kadına kalkıp kendinden
ligi mühendisleri namaz onlarda oynuyor personel ramazan rapsar sahada sanal seçkin silinmiş
sorular suçu taraftarı tespit vekilim yanımda yapıldı yapılıyor yapıyoruz yönelik zamanla çirkin
şenol şeylerin aksi alım atsın attım bil bilgiyi bulamadım bunca bununla bıraktım cumhuriyeti
duruma düşünce ediyorlar elden elimden haksızlık hayatımın ihtimali israil işten kadını kalmaz
kendiniz konuyla koskoca kılıçdaroğlu kış maddesinde malesef mutsuz olanları oldunuz olursun
oluruz osman rüyamda sanat severim seçimden statüsü suriye söyleyin sözünü sınıf sırada tanışmak
tekrardan telefonu terk uğruna yapmam yapılması yaşlı yaşındaki yedim yokmu yolunu çocuğun
çoktan öğrenci üstü allahın anlamına araya arıyorum askeri atarım ayak bahçeli bakınca
başkalarının başlıyor bebeğim beklemek benzer bildiğim bilgiler demiyorum dersi desem değeri
değilse dik dinliyorum doğrudan doğu düşen düşük düşündüm elimde ermeni etmem etmeyen etmiyor
felan geldiğinde giriyor görelim hayırlısı herşeyin ikna iman iğrenç işsiz kahvaltı karışık
kendilerine kişilik kul kıza maddesini muazzam neredeyse nokta olacağını olm olumlu pasif rte
söyledim sözler takımın tecavüz topu türkler umrumda viki yerin yerini yokmuş yüzde zevk ödül
şiir acayip acilen adnan aklı alınan arap arkadaşlarım attığı bazıları başını bilirsin bizlere
boşver budur bugüne burak cevabı dediler denilen devamını dönüp edeceğim gecenin gelme genovese
gidelim haberin haksız hikaye hissi idare ilgisi inanılmaz intihar itiraz içten kalabalık
karşılık kişilerin kullanan kuş maddelerin makyaj mayıs muharrem olacağı olanlara oldugu oldukça
olmanın osmanlı oynayan ozaman parayla resmin sayfalarında sayfanızı seks sesimizi sevdiğin
sevmem tarafı türkiyede vereyim verici vikiler yanlışlıkla yanı yarar zorundadır çık ölü şirket
adem aksine bakanlığı başkasına bedelli binali bizleri bulunmamaktadır deneme dilde dünyayı
düşmanı edenler ediyorsunuz fakir geçsin girdi giriş gitme göreceğiz gözüm gülüyorum haklısınız
hergün ileride inanıyorum ingiliz insanlık istemiyoruz iyilik izlerken izleyip işim kaldık kalma
kayda kimler korusun kullanıyor lafı maddelerde maddesinin medyada meselesi olumsuz olursunuz
senle sevdiği sevindim sevmiyorum sizlere sonsuz tahammül tarz taşı tweeti uykum vergi
vikipedide vikiçizer yapabilirsiniz yapmayan yaptık yazıyorum yetmez yüce yüzü yıldız çocuklara
ölen abicim alındı aslan atıyor azıcık açtım benimde bilimsel bira birşeyler buradaki cesaret
daki demedi demeyin denize devamı devlete değişiklikleri dikkatli diyim diğeri dosyaları edildi
engellenebilirsiniz evden fayda geniş gerçekleri geçecek gibiler giderken grubu göstermek günüm
güzellik havada hayattan ilginç istediğini keyif koydum koyun kullanarak kullanımı kürtler
kısmını lar maçında milyonlarca mıdır neymiş numarası okuyan olabilirim olacağım olaylar onca
peşinde projesi saldırı saç sona sözleri takıma takımda tehdit trabzon tıpkı uyarıyı varsın
yanıt yapıyorlar ysk yüzünü yılın zeka çıkacak çıktım öğrenmek üste üzücü ışık şeytan şubat
adımı ahlak alayım allaha alsın amca anasını anlayamadım anlıyorum arasındaki ayağına azgın
bakanı bayramda başlık belasını bilirim birazdan birer diğerleri dolayısıyla dosyanın duygu
döner düşünüyor ediyorsun ekonomi ersun eskisi ettin evine evvel geldiği gerekirse getiren
gibiyim görev gündüz herşeyçokgüzelolacak hocanın ibaret ihtimalle ilaç kalacak kalmamış
kaybettim kaynağı kaçtı kendimizi keske konuya memur merve mıyız numara paraya partisi rüya
rızası sokak sor suçlu söyler takipçi tartışmaya tutan uyumak yapanlar yaptıkları yaptılar
yazarken yiyorum yukarı yusuf zafer zahmet çekip acısı akşama anlamlı anlar anlatmaya arkasında
aynısı açıdan açıklaması aşkı bağlantılar başlığı beklerim bildiği biriyim borç bulunur bursa
daim daima dersiniz değişik diyeceğim doktor edemiyorum edilir ediliyor ekleyiniz etmeden fikret
gençlik gibisin girmek görür halka ilçe irtibata ismini isteği istiyorsan iyiydi içeriği içimden
kimseyle kitapları kredi kutsal lisansını maçta mecbur merkez meslek metin muhammed neydi olcak
olmalıdır olmayın politikasına recep saatlerce sabahtan senede sezonu soğan sınava tanışalım
taraflı toplu uzaktan uzman vatandaş yakışıklı yapayım yaptınız yavuz yinede yokken yoğun
zamandır zihniyet çalıştım çekiyor özen ücret ücretli üzülüyorum şampiyonlar ablam adi afiyet
aklımda aklına allahim alırım amacıyla amaç amaçlı anlamış anlayan anında arayan ayda açılmış
bayramı bugünkü bunlardan buz cehennem cemaat cezası cumhurbaşkanım cümleler dediğiniz demi
diyordu durup duygusal düştüm düşünen düşünmüyorum etmekten ettiğiniz fetöcü fotoğrafını gerçeği
geçirmek gör gösterildiği gözümde güvenilir güzeldir halbuki haliyle hassas hastası hocaya
hükümet iade icinde istemem kahraman kaos kapıyı kendimize kirli kisi kullanıcılar kullanıcının
lider makam mantık mtvlakpopbts nezaket okuyup oldukları olmaması onlarca onlardan ortasında
oruç rakı rengi resimler saf sandık saniye savaşı sensiz seçimde sildim silen suriyeli tarafta
tarihini taslak tehlikeli topluluk trt unuttum uyarınca videoyu yakışır yalancı yaparsın
yapmadan yapması yapıldığı yararlı yaşasın yaşı yaşıyoruz yoksun yönergeleri yürek yılmaz zerre
çeken çin çıkmak ölmek önemi şimdiye aklım antalya aralık arka atma atmaya aynaya ayrıntılı
açıklamaları babası başak bilmez birgün bitecek bulunduğu desen deyince değilmiş dikkate dursun
durun duydum döndü düşünüp dışına eger eklemeyiniz elinize epey etkili ettiler evinde furkan
geleceği gelmek gelmesi geride geçmişte girdim girmiş gönüllü güzelsin hafif haftanın hasret
hatalı hatırlıyorum hitap inanmıyorum insanım istanbulda istediğiniz içeriğin kafası katil kayıp
kayıtlarını kazanacak kazanan kin kokusu kriterlerinden kulak kuzey maddeden malı mezunu
mskyrider muhabbeti mümkünse noldu olman peygamber prim rahmetli resmini saattir sabahın saha
sahte sayı söylemiş tarihe tarihinde teklif toplam tuhaf utanmadan uyanmak vaktim verdik
yapacağım yapmaktan yapmışlar yaw yiyen yorgun yılı zayıf ziyaret zulüm çıkmıyor ücretsiz
ülkemizde ümit şeref şeylerden şok alacak alakalı alalım aleyküm allahtan anlaşılan anlık araç
araştırma arkadaşları aynısını açan açıkçası açılan aşkın babil başkasının başlamış başım
başından bedelini belkide benimki benziyor bilemedim bilemiyorum bilgiye biliyorsunuz bitmez
bişeyler bjk buda bulamıyorsanız bulamıyorum bulun bölümünde dediniz desteği değilmi diken
durumunda duyuyorum döneminde dönüyor efendi ekledim eminebulut engelleme engelli etmesin
fazlası geldiniz geçip gördük gördüğünüzde görevi gösterildi gösterin gösteriyor gözler gözünü
güldüm haberler haberleri haftaya hangisi hayatında hepsinin istedi istiyorsanız işgal işlem
kadınlara karşılığı katkılar kaynaklar kazandı kimsin konuşan konya kullanın kuralları kurulu
kısaca kıymetli ligde liler linç listesi maddi muhtaç mıydı okulu okumanız olana olayın olmazdı
olucak olursan ortalık perşembe rakip rusya satın sevgilisi seviyoruz seçime siyasal söyleyen
süt sık sıradan unutmak usta varsınız vazgeçtim vermem vermiyor volkan yaptığını yaşta yukarıda
yüzüme çekmek çıkarmayın çıksın çıkış önerilir özgün üstün adamları adamsın adana adaylık aldın
amerikan annemin arif açar bakıyor bağımsız başakşehir başkaları başlayan bek beklerken belirli
beğendim bilginize bilmediğim bilmek birlik bitmiş biçimde bozuldu canımı canını damla demiyor
değişti duyar düz düşündüğüm düşünüyorsanız edici ediniz eklemek elim ensest farkına
geçebilirsiniz geçici geçmek gidince gram görmeye görüyor görüş gösterilmiştir gözlerin
gözüküyor gündem gündeme güney güzeli hastalık hayirli herkesten hoşuma iavelli iletişime ilişki
inkar inşaat istihdam isyan itiraf ivotebtsbbmas işbirliği kafasını kalmayacak karaktersiz
kararlar karşılıklı karşılığını kaçıncı kelimeler kendimden kol konularda konuları koyup
kriterde kriterlerini kulüp kuruş köle layık lideri lik maaşı mahalle mahmut meclise mekanı
melek mevzu meydan muhabbet neresi normalde okulun okuma okurken olacaktı olayım olmasaydı olsan
oluşturmuş ortalama otomatik partinin patates pozisyon renk saati sadık sandım sanmıyorum
sanıyorsunuz sikiş sinan sorma sorunun soruyu superyetkin süleyman sürede sırasında tatile
tatlım temizlik trabzonspor tsk tşk uefa uyurken vardi vatana vekil verildi vermeyin yapabilir
yapacağız yapmıyor yasal yerel yürekli yüzlerce çakma çalışması çiftler çıkmaz önemlidir
ülkemizin üyesi ısrarla şahsen şampiyonluğu şarkılar şuna adamdan adet adeta adının akparti
alarak alırken anlamsız anlat anlatıyor aracı arda arkadaşın aslı ayında ağlamak bakayım banka
başkanımız başımıza bilet bilmeden birbirini birebir birinde bitsin boka boktan bulup bulur
buralarda cengiz cezasını cinsel cumhur dediğini defalarca demesi detaylı dicem diyince diyosun
düzenli düşünmek edeyim edilmesi elektrik emekli enerji eren etkisi etmesi evin fazlasıyla
faşist gazeteci gazi gelebilir gelene gelmeden gercekten getirdi geçiş girer gitmez gittin
gökhan gördü günden gününüz habersiz haftada hakkımız hatun hazırlık hesabın hırsız ibrahim idam
ihlali ihtimal ihtiyacımız istiklal izle izleyin içerde içerikli içimdeki işiniz işçi kahkaha
kalacaktır karşıma kazanır konular korkak koy kurallarına kuzenim kötüsü küçükken kısacası
liseli mahkum matematik meşgul muyum müdür mühendisi nedenini nesil okadar okumaya okuyorum
olacaksın olacağız olmayınca olmuştu olunuz olurmu onuda oynar oyuna penaltı popüler pozitif
ruhu rüzgar sade sanıyorum sayfada saçmalık sağolsun seferinde seyler sikim silindi sizleri
sonuçları soruyor stoper söyleyeyim tanesi tarafa tarafsızlık teyze uluslararası uzay uğur varmi
verdiğiniz veririm vesile yalnızlık yaparsa yapti yapınca yavrum yazmayı yaşama yaşamaya
yaşındayım yedik yerler yorumlar yuh yönetimi yürürken zararı ziyade çalışmaya çek ötesi öyleyse
özeti üzgün şablonunu şahit şarkısı şifalar şüphe adamların alamıyorum alanda aldılar aldınız
aldığın almadan almanya alınmış aniden anlarsın anneler annesi aradan arama arasına arkadan
arkadaslar arıyor askerlik atıyorum avukat ayağa aylık bal baskı bedelliaskerlik birinci bitiyor
bizimle bulsun bulunmak butun büyükşehir cünkü deprem derdin desene deyin değiller değilsiniz
değiştirmek dibine dileriz dinlerken diyeyim doğrudur dul düşmüş düşünmeden düşünsün ediyo
ekleme eli elif elimi evladı fikrini gazete geliştirmek gelmesin gitmiyor göremedim götü
haklarını hanim hastane hayatına hayvanlara hoşgeldiniz ikincisi imkanı inanın indirim isimler
istemek izlemeye içime işaret kadınların kalıp kanun kardeşi kazanmak kenara kesip keyfi kitabın
kişiden kriz kullanılabilir kupa kurup kırıklığına midem milletvekili minik müjde müslümanlar
nerdeyse offf olacaksa olduğunuzu onay oradaki ortamda oğlan partiye perişan psikolojik puanım
ruhunu saatlik sanan sanatçı sandığa sayfalarına sayfasındaki sayfaya senaryo seninde sokağa
sorunları stres söyleyecek sözleşmeli sözüm süreç tarımaatama tiviti tiyatro twiti türkiyenin
umuyorum utku uyan varlık varya vedat verdiniz verdiğin verilir veriyorlar veriyoruz videoları
yangın yanlız yaprak yapsa yaptığımız yapılmalı yargı yasaktır yatırım yazım yetersiz yiyecek
yiyip yoldan yolunuz yüzlü yıldızı zorunlu çikolata çocukların çocuğa çıkınca önem öperim özlem
özlüyorum öğretmenler üniversitesi üstüme şablonlarını şehri şükürler ablacım alaka alakasız
aldığınız alınması anlama anlatır anlayışı arkadaşıma armağan asgari atmayı atmayınız atılan
avantaj aykırı açıkça açıldı aşığım babamın bahsediyor bakacak bayağı bayramlar bedel bedeli
bekler belanızı beniiiim beynim bilgilerinizi bukadar bülent bütçe bırakır cami dayak demeden
desin dilek diyenlerin doğan durmak durumdan dururken düzenlemeler düşer düşüyor dışarıda
edersin edilmiş elin erkan erkeğin etki eşini farkettim farkli fazlasını fedakarlık fenerbahce
fiyat fransa garbino gelenler getirir geçtiği girsin gitmeye gittik görevini güncel güvenlik
güçler halini haluk hatırlamıyorum hepinizi hepsine hesabım hikmet hoşgeldin ibb isimleri isimli
istemiyor ittifak işlerine kahretsin kala kalbin kaleci kanunu kaptan kelimesi kelimesini
keyifli konunun konuşmaya korkusu kullanıcıya kullanılmayan kurallarını kurtulmak kuru kurşun
kısmındaki kızları lafın memleket merube mesut müdahale necip niyet okumuş olası olaya
olduklarını olmasi oluyoruz otobüs sahaya sanıp satış sayfanızda serdar serkan severek sevgiyi
sevgiyle sevmeyi siyaseti sonrada sonsuza sorar sözün sınıfta sınırı tanıdık tayfa ticaret tokat
toplumun trafik turkiye umrunda utanmaz uygulama uyuyor uyuyorum uçak vatanı verimli vermeyen
videosu yandan yapamıyorum yaparlar yapmadı yapmanız yapmayınız yaptıklarını yar yat yazdı
yazdığım yaşadığı yaşadığım yaşanan yerleri yicem yolları yorumu yunan yönde yüreğim yüzün
zeynep çalışıp çarşamba çekmiş çizgi çıkardı çıkarıp öbür ömer öpüyorum özele özelliği ısrar
şanslı şiddet şurada abuk abv adayları aldığınızı alması almayı almıyorum altındaki anladığım
anlamıyor anlatayım anlayamıyorum anlaşma atıyorsun aylardır ayıptır azdım açısı açısıyla
ağzından babama bambaşka başkalarına başladılar başlayın bekleriz belhanda bildirim bilinen
bilinçli bilirsiniz birbirinden birilerinin birisin biziz bizzat bulut bıktık bırakmak cevabını
dayalı dağa demesin demiştim değildim diyebilirim diyenlere diyet diğerlerinin doğa doğar
durmadan duyduğum duyunca dümdüz düzeltme düzenleme düştüğü düşüncesi dışarda edemez edene
edersiniz edicem ege eklemeye ekmeğini elime etiketi etmedi etmesini etmesinin faydası fikri
galatasaraylı garanti gençleri gerektiği gerekçe geçmesi geçmiyor gideceğim gidene giderim
gidicem gördüğü göremiyorum görüntü gösterir gözleri gözümün günlere haftadır hakemler hakkın
hapis harbiden hastaneye hataları hayattaki hayatıma hayatının hayret hepinize hepinizin
hikayesi hukuki iftar ifşa ikisini insani instagramda islami isterse istiyorlar istiyorsunuz
izleyen içmeye işlere kafama kafanıza kafasına kafayla kalbine kaldi kalem kap karsi karşıya
kaybı kaydı kerem kimseden kişileri koltuk komşu konser konusunu konuşmayı konuşurken koruma
kullanıcılarla kullanıldığı kullanıyorum kulübü kur kurmak kötüye kırıklığı kıymetini kızların
maruz masaya maçın maçına meydana moralim mudur muhalif namus nazar oktar olayları oldular
olmamalı olsada olucam oluşan onur oranı oturuyor paran parmak paylaşım peşinden protesto saadet
saatlerde sapık saray savunan sayfaları sistemin sitesinden sokaklarda somut süresi tablo takdir
takibe takipten talebi tanımak tartışmalarda tatmin tecrübe tedavi teklifi tersi ticari tutar
tutup türbanlı uyuyamıyorum vallaha vatandaşı verdiğimiz vereceğim verelim vererek verilmiş
veriyorsunuz vermeden vikiproje yahudi yanlis yanındaki yapiyor yapsam yazma yemeye yolsuzluk
yukarıdaki yüreği çalışırken çalışıyoruz çaresiz çeker çokta çıkarmak ömrü örgütü öte ötürü ürün
şansı şarkıyı şehirde şekil şeylerle şov affetsin aksini alabilir alanı alanında albayrak alıntı
alırsınız analiz anket anlamaya anlatacak anıl aramızda arayın arayıp arkadaşı arkasından asil
atabilirsiniz atacak ateşi ayın ağrısı ağrıyor ağzı babasının bakarsanız bakınız bayılıyorum
başlamak başlayacak beden bildiğimiz bildiğiniz bilgilendirme birinden birleşik bulunduğunu
bunlarda buçuk bölümüne bırakan bırakma bırakmış darısı dedikleri dedikten demedim demir denli
derdinde destekleyen değerini değişir değiştir dinledim dinlemek diyanet diyemem dizinin
dosyalar duman durduk durumunu duyan dönemi dönemin dönmek dünkü düşünsene edeceğiz ederler
ederseniz edilmeli emir endişe eser espri etnik ettiğin ettiğini eyle eylem ezik eşliğinde fanı
fazıl fenerin fikrin finali geceleri geceyi geldiğince getirin gezmek gibiydi gideyim giriyorum
girmeye gönder görevden görmüş görüyoruz gözlerimi gözlü güle güler günaha günümüz haa haberiniz
haftasonu halay hayran hee hüzün ikili ilerde ilkokul inanıyoruz infocan insanla istemiş ithal
ittifakı içeren içerikler içip içmek işimiz kafamı kalbimi kalmasın kalsa kapatıp karşılığında
katkıları katılımını kaybeden kaybetti kayyum kemalist kendimle komedi konuşması koyarak koymak
kullanılan kurulan kutusu köpekler köprü kırık liginde liralık maddelerine meclis mecliste mekan
merkezi mesajları misafir muamele muhakkak mısır nasılsa nasılsınız olduğumuz olduğumuzu olmadi
olmamız olmayacağını olsanız oluşana orayı ortadan ortalığı otobüse otobüste otur otururken
oylar oyu oyuncusu ozan parasını programı projesine rekabet sabit sanıyor sanıyorlar sarhoş
sayfasından sebeple sekilde sesli sevmediğim seçimlerde sitede sizede sonucunda soran sorunlar
suan suriyeliler susmak söyleyip süreci sıkı sınavı tadını tanrıveremesaj tanıyorum tarzı
tazminat taşıma taşımayan telefona temsil tesadüf turhan tutuyorum unutmuş varsayın vekili
verdiler veremedim veremiyorum verenler veriyorsun vermesi vermez versiyonu yanıma yanından
yapabilirim yaparız yapilan yapmadıysanız yardımcınız yarısı yasin yazılan yazılır yaşadım
yaşayın yaşına yemiş yiğidim yorma yoruma yönetici yük zalim zannediyor zulme çaba çalıştı çayı
çağrı çocuğuna çoluk çıkarın çıkma çıkıyorum ödeme önemlisi örgüt örneği öğrenciler ülkeler
üretimi üçüncü şarkıları şeydir şuanda şunun acımasız adaleti ailesine akla aldim altından
alınca anam anayasa anladık anlatamam anlatan aradım arkadaşlara arkaya artıyor arz ataması
atatürkçü ayet açmak açmış açıkla açıkladı ağaç ağlıyorum aşağıdaki bakara baktığımda bakım
balkonda bankası bariz başlamadan başlıkları beee bekliyorsunuz belirtmek benzeri bereketli
beyan beynini beğeni bilelim birbirimize birincisi boku borcu borsa boyun boşluk bugünde
bunlarla bölümde böylesine bırakıyorum canımın canın cin demeye dersim değerlendirileceğini
değerlik dikkatimi dilleri dindar doları doların doldu domates doğrultusunda doğruyu duası
durumlar duruyorum duyarlı duygusu döndüm dönme dünyadaki düşmanlığı düşünerek düşünür ebru
edebilirsiniz edince efendimiz ekim ekleyebilirsiniz eldarion ellerine erkeklere erkekleri
etmedim etmeniz etse etsinler evren eğitimi eğlenceli feda filmler fiziksel gaz geceden geceye
gelirim getirdim getiriyor gitmem gruba gök gördükçe görsün gösterdi gözlerine gözümü güneşin
güvenli güzeldi güzelmiş haberim hakkım hakkına hande harfi hatalar havalı havası hayati hedda
hepimizin ihlal iktidarı ilginiz ilhan imkan inanan indirimi insandan insanin islamın ispat
istemez isteyerek itibaren iyigeceler izledik içiyorum içtim kadarda kadroya kadınları kafalar
kafamda kafanı kaldığı kalmayı kalıyorum kapsamlı kasım katkısı kaynaklardan kibir kimdir kimlik
kodumun konuştum kopyala koru koymuş krizi kuklacılık kullanmaya kuvvetli köpeği köşe kültürü
küme kısım kıyamet len ligin liraya mafya malzeme mekanın mesafe mesajlaşırken meyve meğer
miting mutluluğu noktada objektif okuduysanız okur olabilecek olabilirdi olanların olanın
olayını olduğunun olmanız olmasin olmuyo olsak olursanız oluyorsun onemli onlarla ortamı
oynarken oğuzhan parçası paylaşmayınız pembe piyasa prenses projenin reklamı saate sahibine
sahibini saklı samimiyet sampiyon sanma saygılı sebebini sebebiyle selim selçuk seveyim sevilmek
seçmen sigorta sikmek silinir sisteme sivas sizsiniz sordum soylu suna söylediğin süredir
sıkıntısı sınavına tadı takdirde tamamı tanıtabilmek tarihin tarihten tdk teknoloji telefonda
telifli temmuzda tff toplumsal toz turan tutuyor tuvalet ulusal unutmuşum vahim varlığını
verdiğini veriniz vermesin yapabileceğinizi yaparsan yaparsanız yapmıştım yapsak yapıcı
yapılabilir yapıyo yaratan yaratmak yazabilir yazayım yazsın yazılı yaşıyorsun yedek yediği
yemekten yeminle yerken yerleşim yetim yetmiyor yiyin yoksunu yorucu yorulduk yorumları yunus
yönergelerini yönlendirme yüzüm zamandan zavallı zekalı ziyan çabası çalan çalışıyorsun
çekinmeyin çektiğim çocuklarının çıkarken çıktığı çıkın ölüyor öneririm önümüzdeki önünden
öyledir öğren ülkemde ülkemiz ülkemize ürünleri üstad üstünden ırkçı şahsi şahıs şifa şimdiki
şirin adlimahkumkapsamlıeşityasa adresi adın akpli akraba alacağız alay algılanabilir alkol
anlamını anlayın anlaşıldı anlaşılır annemle arasın arasından atalım attığım avcı ayşe açtığı
açıklamasını açılması açın ağlamaya aşağıya babalar bacım bakabilirsiniz bakmadan bardak
basketbol bayrağı bağlantıları başkanının başlangıç başınız bekar beklediğimiz beklentim
belediyesi belirtmelisiniz bencede benle beraat beyni bilgim birilerine birilerini birisine
bitince bitmesi bişeye bomboş buldu bulunmaya bunlari bunuda buralar burun böylece bırakmayın
bırakmaz bıraktı cocu dakikada dayı dede degerli degildir delil demem derdiniz dersen desek
desteklemek değişen değişim değişiyor değiştirip değmez diline dine diyeceksin dizisi doğrusunu
dunyanin durumun duygusuz düzene düzeni düğün düşünürken düşünüyorsan düşünüyorsun edebiyat
edemezsin edersen ekip ekran elimizden elma erdem erkeklerin eseri etkileşim etmiştim etrafında
ettiyseniz evlilik ezan eğitmen eşi fikrim fiyatı gayret geldiler geldiğini gelicek gelmesini
gelmiştir genc gerekirken gerekiyordu gerekçesi gerisini geçerken gidiyo gidiyoruz girecek
gitmeyen gittiği gördüğün görmeden görse görüyorsunuz görüşü gösterme götünü günlerdir gününde
haftalık hakikaten hakkımızı harf hastanede hastayım hatayı hayırdır hazırım hepimize herzaman
hesaba hesaplar hocayı hüseyin hırsızlık hızla iktidarda insandır insanlari insanlarin istemedim
istersin iyisini
""",
}  # fmt: skip
