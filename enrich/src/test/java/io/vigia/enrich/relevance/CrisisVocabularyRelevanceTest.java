package io.vigia.enrich.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.testing.SampleArticles;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security and pressure side of Venezuela's post-election crisis (political prisoners and their
 * release, detentions, militia and armed-forces deployments ordered by the government, foreign
 * military or diplomatic pressure and the ministers' replies) against news that shares its words
 * without being about it: other countries' military and security news that names Venezuela in
 * passing, and Venezuelan crime, sport, weather and prison news with no political angle.
 *
 * <p>Every item was written fresh for this test (fictional, invented figures and outlets), in
 * varied wording and genres, before the rules they check were written; none comes from a labelled
 * corpus.
 */
class CrisisVocabularyRelevanceTest {
  private static final ArticleAnalyzer ANALYZER =
      ArticleAnalyzers.fromProfile(WatchProfile.load("venezuela-elections"));

  private static Relevance relevance(String title, String text) {
    return ANALYZER
        .analyze(
            SampleArticles.raw("https://crisis.example/" + (title + text).hashCode(), title, text)
                .build())
        .relevance();
  }

  static Stream<Arguments> onTopic() {
    return Stream.of(
        Arguments.of(
            "Foro Penal registra nuevas excarcelaciones",
            "La organización Foro Penal informó que 37 personas detenidas por razones políticas "
                + "recibieron medidas cautelares y salieron de prisión el fin de semana.\n\n"
                + "Sus abogados explicaron que deberán presentarse ante un tribunal cada 30 días y "
                + "que no pueden salir del país.\n\n"
                + "La ONG cifra en más de 800 los presos políticos que siguen tras las rejas."),
        Arguments.of(
            "Rights group counts dozens of releases, hundreds still held",
            "Foro Penal, the lawyers' group that tracks political detentions, said on Sunday that "
                + "48 detainees had been freed overnight under court restrictions.\n\n"
                + "Relatives waited outside the prison gates until dawn.\n\n"
                + "The group said it still counts more than 800 people held for political reasons."),
        Arguments.of(
            "Provea denuncia desaparición forzada de un dirigente sindical",
            "El Programa Venezolano de Educación-Acción en Derechos Humanos (Provea) denunció que "
                + "un dirigente sindical de Ciudad Guayana fue detenido sin orden judicial y que su "
                + "familia desconoce dónde está desde hace cinco días.\n\n"
                + "La organización exige que se le presente ante un juez."),
        Arguments.of(
            "Padrino López ordena desplegar milicianos en la frontera",
            "El ministro de Defensa, Vladimir Padrino López, ordenó este jueves el despliegue de "
                + "15.000 milicianos y efectivos de la Fuerza Armada Nacional Bolivariana en Apure y "
                + "Táchira, tras denunciar incursiones de grupos armados desde Colombia.\n\n"
                + "\"Ningún grupo irregular pisará suelo patrio\", dijo en cadena de radio y "
                + "televisión.\n\n"
                + "Los milicianos se sumarán a las unidades que ya patrullan los pasos fronterizos."),
        Arguments.of(
            "Maduro summons militia volunteers as US warships gather",
            "CARACAS - President Nicolás Maduro ordered the Bolivarian militia on Saturday to "
                + "register volunteers in every neighbourhood, saying the country had to be ready "
                + "for what he called a threat from the north.\n\n"
                + "US warships have patrolled the southern Caribbean for three weeks.\n\n"
                + "Critics say the militia's rolls are inflated."),
        Arguments.of(
            "Caracas denuncia el despliegue naval de Washington frente a sus costas",
            "El canciller venezolano leyó un comunicado en el que calificó de \"amenaza\" la "
                + "presencia de tres buques de guerra estadounidenses a pocas millas de sus aguas "
                + "territoriales y anunció que llevará el caso al Consejo de Seguridad.\n\n"
                + "La Fuerza Armada Nacional Bolivariana activó ejercicios de defensa en la costa."),
        Arguments.of(
            "Pentagon confirms another lethal strike on a vessel from Venezuela",
            "WASHINGTON - The Pentagon said on Thursday its forces had destroyed a second boat "
                + "that had left the Venezuelan coast, the latest military action of a naval "
                + "deployment that Caracas calls a preparation for invasion.\n\n"
                + "Officials gave no names and no evidence of what the vessel carried."),
        Arguments.of(
            "El ministro Cabello responde a la recompensa: \"No nos van a intimidar\"",
            "El ministro de Interior, Diosdado Cabello, respondió este martes a Washington que "
                + "\"ninguna amenaza\" cambiará la conducción del país y acusó al gobierno "
                + "estadounidense de financiar a grupos terroristas.\n\n"
                + "Cabello habló durante un acto con milicianos en La Guaira."),
        Arguments.of(
            "Venezuela expels diplomats after envoys question detentions",
            "CARACAS - Venezuela ordered three European diplomats to leave within 72 hours on "
                + "Wednesday after their embassies asked to visit political prisoners held at El "
                + "Helicoide.\n\n"
                + "The foreign ministry said the envoys had interfered in internal affairs."),
        Arguments.of(
            "Detienen a dos concejales acusados de terrorismo en Zulia",
            "Efectivos de la Dgcim detuvieron a dos concejales de Maracaibo acusados de "
                + "terrorismo y asociación para delinquir; sus partidos denuncian una detención "
                + "arbitraria.\n\n"
                + "Ambos permanecen incomunicados, según sus abogados."),
        Arguments.of(
            "Families of jailed soldiers ask for proof of life",
            "Relatives of 14 soldiers held by military counterintelligence since an alleged plot "
                + "last year gathered outside the Dgcim headquarters in Caracas on Monday.\n\n"
                + "They said the detainees had not seen lawyers in months and that two were ill.\n\n"
                + "The armed forces did not reply to questions."),
        Arguments.of(
            "Ramo Verde: excarcelan a un coronel retirado tras dos años de arresto",
            "Un tribunal militar concedió la libertad condicional a un coronel retirado detenido "
                + "en la cárcel de Ramo Verde desde 2023, acusado de conspiración.\n\n"
                + "Su defensa afirma que su único delito fue criticar al alto mando.\n\n"
                + "Otros 20 militares siguen presos en la misma cárcel, según organizaciones de "
                + "derechos humanos."),
        Arguments.of(
            "Venezuela recalls ambassador, says neighbour joined a pressure campaign",
            "CARACAS - Venezuela recalled its ambassador on Friday, accusing the neighbouring "
                + "government of joining a campaign of pressure led from Washington.\n\n"
                + "The foreign minister said diplomatic relations were not broken.\n\n"
                + "Bogotá said it regretted the decision."));
  }

  static Stream<Arguments> offTopic() {
    return Stream.of(
        Arguments.of(
            "Colombian army kills eight guerrillas in Catatumbo",
            "CUCUTA - Colombia's army said on Monday it had killed eight members of the ELN "
                + "guerrilla in a bombing raid in the Catatumbo region, the deadliest operation of "
                + "the year.\n\n"
                + "The defence minister said troops would stay deployed in the area until the "
                + "group's leaders were captured.\n\n"
                + "Local officials asked for food for displaced families.\n\n"
                + "The army says the guerrillas cross freely into Venezuela."),
        Arguments.of(
            "Navy sends two destroyers to Pacific drills",
            "SAN DIEGO - The US Navy sent two destroyers to join drills with Japan and Australia "
                + "in the western Pacific, a military deployment planned since spring.\n\n"
                + "The exercises will test missile defence and anti-submarine warfare.\n\n"
                + "Admirals said the ships would return in time for the hurricane season.\n\n"
                + "Other warships remain on patrol in the Caribbean, near Venezuela."),
        Arguments.of(
            "Brasil envía tropas a Roraima por la llegada de migrantes",
            "El gobierno de Brasil desplegó 800 militares en el estado de Roraima para reforzar los "
                + "controles en la frontera norte, donde llegan cada día cientos de migrantes.\n\n"
                + "El ministro de Defensa dijo que el despliegue durará seis meses.\n\n"
                + "Las organizaciones humanitarias piden más albergues en Boa Vista.\n\n"
                + "La mayoría de quienes cruzan son venezolanos."),
        Arguments.of(
            "Ecuador's president sends the army into prisons",
            "QUITO - Ecuador's president declared a state of emergency in the prison system on "
                + "Tuesday and ordered the armed forces to take control of six jails after a riot "
                + "left 12 inmates dead.\n\n"
                + "Soldiers searched cells and seized rifles and explosives.\n\n"
                + "The government said gangs ran the jails from inside.\n\n"
                + "Some of the detainees are foreign, including Colombians and Venezuelans."),
        Arguments.of(
            "Chile militariza la frontera norte",
            "El presidente de Chile firmó el decreto que permite a las Fuerzas Armadas custodiar la "
                + "frontera con Bolivia y Perú durante 90 días.\n\n"
                + "La oposición criticó que el plan no incluya más fiscales.\n\n"
                + "Los alcaldes de la zona pidieron recursos para los albergues.\n\n"
                + "El gobierno pidió a Caracas que reciba vuelos de expulsión."),
        Arguments.of(
            "Kremlin hosts security talks with African ministers",
            "MOSCOW - Russia's foreign minister hosted defence ministers from six African "
                + "countries on Wednesday to discuss arms sales and military training.\n\n"
                + "The talks ended with a joint statement on counter-terrorism.\n\n"
                + "Diplomats said a naval base agreement was discussed but not signed.\n\n"
                + "The minister visited Caracas last year on a similar tour."),
        Arguments.of(
            "La Guardia Nacional de México despliega 10.000 elementos en el sur",
            "La Guardia Nacional de México desplegó 10.000 elementos en Chiapas para frenar el "
                + "tráfico de personas, informó la Secretaría de la Defensa.\n\n"
                + "Los agentes instalarán retenes en las carreteras federales.\n\n"
                + "Organizaciones civiles denunciaron detenciones arbitrarias de migrantes.\n\n"
                + "Entre los detenidos hay hondureños, guatemaltecos y venezolanos."),
        Arguments.of(
            "Cicpc desmantela banda de robacarros en Maracay",
            "Funcionarios del Cicpc detuvieron a cinco integrantes de una banda dedicada al robo de "
                + "vehículos en Maracay y recuperaron siete camionetas.\n\n"
                + "Los detenidos fueron presentados ante la fiscalía por hurto agravado y asociación "
                + "para delinquir."),
        Arguments.of(
            "Motín en el penal de Tocuyito deja dos reclusos heridos",
            "Un motín en el penal de Tocuyito, en Carabobo, dejó dos reclusos heridos la noche del "
                + "sábado, tras una pelea por el control de un pabellón.\n\n"
                + "Efectivos de la Guardia Nacional retomaron el control en dos horas y trasladaron a "
                + "los heridos a un hospital de Valencia.\n\n"
                + "El ministerio penitenciario abrió una investigación sobre el ingreso de armas."),
        Arguments.of(
            "La FANB despliega 3.000 efectivos para atender a damnificados por las lluvias",
            "La Fuerza Armada Nacional Bolivariana desplegó 3.000 efectivos en los Andes para "
                + "atender a las familias afectadas por las lluvias y los deslaves de la última "
                + "semana.\n\n"
                + "Las inundaciones dejaron 40 casas destruidas en Barinas y varias vías cortadas."),
        Arguments.of(
            "Vinotinto despliega su artillería ante Paraguay",
            "La selección venezolana de fútbol llegó a Asunción con su artillería completa para el "
                + "partido de eliminatorias del martes.\n\n"
                + "El técnico confirmó que el delantero del Ejército de la liga local será titular y "
                + "que el equipo buscará el ataque desde el primer minuto en el estadio."),
        Arguments.of(
            "Army boxer from Maracay wins gold at regional games",
            "A soldier from Maracay won Venezuela's first boxing gold of the regional games on "
                + "Sunday, beating a Cuban in the final.\n\n"
                + "The armed forces' sports federation said he would train for the Olympic "
                + "qualifier."),
        Arguments.of(
            "Guyana and Trinidad hold joint coast guard exercise",
            "PORT OF SPAIN - Coast guards from Guyana and Trinidad and Tobago held a three-day "
                + "exercise against drug smuggling and piracy in the Gulf of Paria.\n\n"
                + "Officers practised boarding fishing boats and searching cargo.\n\n"
                + "The two governments plan to share radar data from next year.\n\n"
                + "Fishermen say pirates operating from the Venezuelan coast still rob them."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("onTopic")
  void shouldKeepTheCrisisSecurityAndPressureNews(String title, String text) {
    Relevance r = relevance(title, text);
    assertThat(r.getRelevant()).as(r.getReasons().toString()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offTopic")
  void shouldSetAsideNewsThatOnlySharesItsWords(String title, String text) {
    Relevance r = relevance(title, text);
    assertThat(r.getRelevant()).as(r.getReasons().toString()).isFalse();
  }
}
