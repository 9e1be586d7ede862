package io.vigia.enrich.dedup;

import java.util.function.Consumer;

/**
 * What happened, across languages: the kinds of event that election and political news reports (an
 * arrest warrant, a bounty, a disqualification, tally sheets, a recount, asylum, an embassy under
 * siege, sanctions, an oil licence, a prisoner swap, deportation flights…), each a concept id that
 * its English and Spanish wordings both map to. Names and figures tell who and how much; these tell
 * what, and a translation keeps them where it loses the words around the names.
 *
 * <p>Every concept is a kind of event or act of general political and electoral news, written from
 * general knowledge of the domain (not from one article): a wording is a sequence of folded words,
 * a word ending in {@code *} matches any word it starts (at least four letters before it). How
 * telling a concept is comes from the state's counts like any story feature: one that every article
 * of a watch reports (an election's results) weighs nothing, one that only two articles report (a
 * bounty) weighs as much as a rare name. {@link #PRIOR} is the weight while the state is too young
 * for counts.
 */
final class EventVocabulary {
  /** Prefix of a concept's story feature (names are {@code @}, figures {@code #}, entities !). */
  static final String PREFIX = "%";

  /**
   * A concept's weight while the state holds too few originals to count it ({@link
   * StoryEvidence#conceptCosine}): as telling as a feature met in one article of three, {@code ln(4
   * / 2)}; names and figures weigh nothing then (nothing tells a famous one from a rare one).
   */
  static final double PRIOR = Math.log(2);

  /** Concept id, then its wordings in English and Spanish, separated by {@code |}. */
  private static final String[] CONCEPTS = {
    "warrant: warrant* | orden de aprehension | orden de captura | orden de arresto"
        + " | orden de detencion | ordenes de aprehension | ordenes de captura",
    "bounty: bounty | reward of | reward for | recompensa*",
    "disqualification: disqualif* | barred from running | banned from running"
        + " | barred from holding | banned from holding | inhabilita*",
    "tally-sheets: tally sheet* | tally-sheet* | voting-machine receipts | actas | acta de escrutinio"
        + " | actas de escrutinio | mesa por mesa | table by table",
    "recount: recount* | audit | audits | audited | auditing | reconteo* | auditoria*"
        + " | recuento*",
    "asylum: asylum | refuge | sheltering | shelter in | asilo | asilad* | refugia* | refugiad*",
    "embassy: embassy | embassies | ambassador's residence | residence of the ambassador"
        + " | embajada* | residencia del embajador | sede diplomatica",
    "siege: siege | under siege | surrounded the | asedi* | sitiad*",
    "extradition: extradit* | extradic*",
    "sanctions: sanction* | sancion*",
    "licence: licence | licences | license | licenses | licensing | waiver* | licencia*",
    "prisoner-swap: prisoner swap* | prisoner exchange* | swap of prisoners"
        + " | exchange of prisoners | canje* | intercambio de presos | intercambio de prisioneros",
    "deportation: deport* | repatriation flight* | vuelos de repatriacion | repatriad*",
    "oil: oil | crude | oilfield* | petrole* | petroli* | crudo | barriles | barrels",
    "inauguration: inaugurat* | sworn in | swearing-in | swear in | oath of office"
        + " | juramenta* | toma de posesion | investidura",
    "observers: observer* | observation mission | observador* | observacion electoral"
        + " | mision de observacion",
    "detention: detain* | detention* | detenid* | detencion* | aprehendid* | arrestad*"
        + " | arrested | capturad*",
    "release: released | releases | release of | freed | excarcela* | liberacion* | liberad*"
        + " | puesto en libertad | puestos en libertad",
    "protest: protest* | demonstrator* | demonstrations | manifestant* | manifestacion*",
    "referendum: referendum* | plebiscite | referendo* | consulta popular",
    "recall: recall | revocatorio",
    "primary: primary election | primaries | the primary | primaria*",
    "registration: registration | register his candidacy | register her candidacy | inscripcion*"
        + " | inscribir* | inscribio | postulacion*",
    "talks: talks | negotiat* | dialogue | mediat* | negociacion* | negociador* | dialogo"
        + " | mediacion* | mediador*",
    "new-election: new election* | fresh election* | repeat the election | rerun"
        + " | nuevas elecciones | nueva eleccion | repetir las elecciones",
    "coalition: coalition government | unity government | power-sharing | power sharing"
        + " | gobierno de coalicion | gobierno de unidad | cohabitacion",
    "expulsion: expel* | expulsion* | expuls* | leave the country | abandonar el pais",
    "suspension: suspend* | suspension* | suspendi*",
    "human-rights: human rights | derechos humanos",
    "military-exercise: military exercise* | war games | drill | drills | manoeuvre* | maneuver*"
        + " | ejercicio militar | ejercicios militares | maniobra*",
    "border: border* | frontera* | fronteriz*",
    "blackout: blackout* | power cut* | apagon*",
    "humanitarian-aid: humanitarian aid | aid shipment* | aid convoy* | ayuda humanitaria",
    "uprising: uprising | coup | putsch | military rebellion | alzamiento | levantamiento"
        + " | sublevacion | golpe de estado | golpe",
    "exile: exile* | fled the country | flee* | exili* | huyo del pais | salio del pais",
    "fraud: fraud* | fraude*",
    "turnout: turnout | abstention | participacion electoral | abstencion",
    "rally: rally | rallies | campaign event* | caravan* | concentracion* | mitin* | caravana*",
    "hearing: hearing | testif* | testimony | comparec* | interpela*",
    "charges: charged with | charges of | indicted | indictment | conspiracy | forged | forgery"
        + " | forgeries | forging | usurpacion | forjamiento | conspiracion | imputad* | acusad* de",
    "terrorism: terroris* | terrorist*",
    "annexation: annex* | anexion* | anexar* | anexa*",
    "militia: militia* | milicia*",
    "consulate: consulate* | consular | consulado* | relaciones diplomaticas"
        + " | diplomatic relations | broke off relations | ruptura de relaciones",
    "migration: migrant* | migration | migrante* | migracion | migratori*",
    "vote-abroad: vote abroad | voting abroad | voters abroad | registration abroad | diaspora"
        + " | voto en el exterior | votar en el exterior | venezolanos en el exterior",
    "court-ruling: supreme court | supreme tribunal | ruling | ruled | tribunal supremo"
        + " | sala electoral | sentencia | fallo",
    "results-certification: certif* | proclaim* | proclama* | certifica* | adjudica*",
  };

  private static final Wordings WORDINGS = new Wordings(PREFIX, CONCEPTS);

  private EventVocabulary() {}

  /** Whether the story feature (a hash) is one of the concepts. */
  static boolean isConcept(long feature) {
    return WORDINGS.contains(feature);
  }

  /** Calls back with the feature ({@code %} + id) of each concept the text reports, once each. */
  static void scan(String text, Consumer<String> found) {
    WORDINGS.scan(text, found);
  }

  /** How many concepts the vocabulary has. */
  static int size() {
    return CONCEPTS.length;
  }
}
