package io.vigia.enrich.entities;

import java.util.Arrays;
import java.util.Set;

/**
 * The words that decide what a capitalised run of words is, in Spanish and English, written from
 * general knowledge of how news names institutions, places and people (folded: lower case, no
 * accents). Head words type a name ("Ministerio de…", "Plaza…" and English "…Ministry", "…Square");
 * titles, demonyms and sentence-start words are capitalised for other reasons and are no names.
 */
final class NameLexicon {
  private NameLexicon() {}

  /** Words that may join the capitalised words of one name ("Banco de Venezuela"). */
  static final Set<String> JOINERS = words("de del la las los y e of the for and & da do dos");

  /** Joiners that coordinate two names rather than join one: "Colombia y Brasil". */
  static final Set<String> COORDINATORS = words("y e and &");

  /** Words that are capitalised for other reasons and never start or make a name. */
  static final Set<String> NOT_NAMES =
      words(
          "el la los las lo un una unos unas en por para con sin segun este esta estos estas ese esa"
              + " esos esas aquel aquella al a ante bajo desde hasta hacia entre sobre tras"
              + " the a an in on at by for with this that these those but and or as after before"
              + " from to of into over under since until while during about against"
              + " lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril"
              + " mayo junio julio agosto septiembre setiembre octubre noviembre diciembre"
              + " monday tuesday wednesday thursday friday saturday sunday january february march"
              + " april may june july august september october november december"
              + " jan feb mar apr jun jul aug sep sept oct nov dec ene abr ago dic"
              + " mr mrs ms dr sr sra srta dra lic ing");

  /**
   * Words that begin a sentence without being a name: determiners, quantifiers, pronouns,
   * prepositions, adverbs and connectives ("Several Latin American…", "Varios Gobiernos…", "Today
   * I…"). A run that starts with one at a sentence start loses it.
   */
  static final Set<String> SENTENCE_STARTERS =
      words(
          "several many some most few all both each every other others another any no none such"
              + " i we you he she it they his her its their our my your there here then now today"
              + " yesterday tomorrow also still yet however meanwhile instead indeed despite"
              + " although though because if when where while why how what which who whose"
              + " across among around amid beyond inside outside through throughout within without"
              + " near like unlike per via not only even just so thus hence more less"
              + " varios varias muchos muchas algunos algunas todos todas ambos ambas otros otras"
              + " otro otra cada ningun ninguna cualquier demas pocos pocas mas menos"
              + " yo nosotros nosotras ellos ellas el ella usted ustedes su sus nuestro nuestra"
              + " hoy ayer manana ahora luego despues antes tambien ademas aun todavia sin embargo"
              + " aunque porque pues si cuando donde mientras como que quien cual cuyo"
              + " durante mediante segun tras aqui alli alla asi incluso solo apenas casi"
              + " pero ni o u mas entonces");

  /**
   * Titles and offices written before a name ("Foreign Minister Yván Gil", "el Jefe de Estado").
   */
  static final Set<String> TITLES =
      words(
          "president vice presidente vicepresidente vicepresidenta presidenta minister ministro"
              + " ministra secretary secretario secretaria foreign defence defense interior"
              + " treasury attorney general fiscal national security adviser advisor asesor"
              + " senator senador senadora representative rep congressman congresswoman"
              + " governor gobernador gobernadora mayor alcalde alcaldesa ambassador embajador"
              + " embajadora envoy enviado enviada special especial judge juez jueza justice"
              + " magistrado magistrada chief jefe jefa head prime deputy diputado diputada"
              + " commander comandante general admiral almirante colonel coronel captain capitan"
              + " lieutenant teniente sergeant sargento major mayor pope papa bishop obispo"
              + " cardinal cardenal archbishop arzobispo monsenor father padre reverend speaker"
              + " chancellor canciller king rey queen reina prince principe princess princesa"
              + " rector rectora director directora spokesman spokeswoman spokesperson vocero"
              + " vocera portavoz lawmaker legislador legisladora opposition leader lider"
              + " candidate candidato candidata former ex exministro exministra expresidente"
              + " expresidenta state estado de del of the");

  /** Adjectives capitalised in English that are no names by themselves ("Latin American"). */
  static final Set<String> ADJECTIVES =
      words(
          "latin american americans western eastern northern southern central republican republicans democrat"
              + " democrats democratic socialist socialists conservative liberal progressive"
              + " catholic evangelical christian muslim jewish hispanic latino latina latinos"
              + " chavista chavistas bolivarian caribbean european europeans african asian"
              + " arab middle north south east west");

  /** First words of institutions, bodies, programmes and companies. */
  static final Set<String> ORG_HEADS =
      words(
          "ministerio ministry sistema system consejo council direccion directorate comision"
              + " commission fundacion foundation instituto institute plan mision gran programa"
              + " program programme universidad university tribunal juzgado court corte sala"
              + " fiscalia defensoria contraloria procuraduria superintendencia banco bank"
              + " partido party frente front alianza alliance movimiento movement coalicion"
              + " coalition plataforma platform mesa bloque bancada caucus asociacion"
              + " association federacion federation confederacion confederation sindicato union"
              + " camara chamber colegio college academia academy escuela school liceo hospital"
              + " clinica observatorio observatory centro center centre comite committee"
              + " agencia agency oficina office departamento department servicio service"
              + " secretaria secretariat autoridad authority organizacion organization"
              + " organisation red network grupo group junta board jurado jury cuerpo corps"
              + " brigada brigade batallon battalion regimiento regiment comando command guardia"
              + " guard fuerza fuerzas force forces policia police ejercito army armada navy"
              + " gobernacion alcaldia mayoralty presidencia vicepresidencia cancilleria"
              + " embajada embassy consulado consulate gobierno government asamblea assembly"
              + " congreso congress parlamento parliament senado senate corporacion corporation"
              + " compania company empresa empresas industrias industries petroleos fondo fund"
              + " sociedad society conferencia conference iglesia church foro forum club diario"
              + " radio television televisora canal channel noticias news prensa press times"
              + " post herald tribune cnn bbc registro registry");

  /** First words of places. */
  static final Set<String> PLACE_HEADS =
      words(
          "plaza avenida calle carrera autopista carretera puente parque estado municipio"
              + " parroquia distrito ciudad barrio urbanizacion sector isla islas rio lago cerro"
              + " monte sierra peninsula bahia golfo puerto aeropuerto base fuerte carcel"
              + " penitenciario internado estadio palacio teatro catedral basilica frontera"
              + " provincia region valle playa condado paso");

  /** Last words that type an English name: "Foreign Ministry", "Union Square". */
  static final Set<String> ORG_TAILS =
      words(
          "ministry council commission foundation institute university court bank party front"
              + " alliance movement coalition platform association federation union committee"
              + " agency office department service organization organisation network group"
              + " board jury corps command guard police army navy government assembly congress"
              + " parliament senate corporation company fund society conference church forum"
              + " news times post herald tribune inc corp ltd observatory center centre");

  static final Set<String> PLACE_TAILS =
      words(
          "square avenue street road highway bridge park state city county district island"
              + " islands river lake mountain mountains valley bay gulf port airport base fort"
              + " prison jail stadium palace border province region beach");

  /**
   * First or last words of things that are neither people, organisations nor places: laws, decrees,
   * licences, prizes, operations, days, agreements. Not reported.
   */
  static final Set<String> OTHER_HEADS =
      words(
          "ley law act decreto decree resolucion resolution premio prize award licencia license"
              + " licence operacion operation dia day acuerdo agreement accord tratado treaty"
              + " constitucion constitution revolucion revolution guerra war copa cup juegos"
              + " games festival navidad christmas carnaval informe report declaracion"
              + " declaration carta charter orden order codigo code estatuto statute reglamento"
              + " proclama doctrina doctrine semana week ano year mes month");

  /** Spanish words for a minister: a capitalised run after "ministro de" is a portfolio. */
  static final Set<String> MINISTER_WORDS =
      words(
          "ministro ministra exministro exministra viceministro viceministra ministerio"
              + " minister ministry cartera despacho titular");

  /** Line openers of photo, source and reporting credits: the rest of the line is no content. */
  static final Set<String> CREDIT_OPENERS =
      words(
          "foto fotos fotografia photo photos image imagen imagenes video credito credit"
              + " fuente source cortesia courtesy redaccion texto traduccion copyright");

  private static Set<String> words(String s) {
    return Set.copyOf(Arrays.asList(s.strip().split("\\s+")));
  }
}
