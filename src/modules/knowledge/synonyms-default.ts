import type { SynonymGroup } from './search/types.js';

/**
 * The default FR↔NL synonym list of the FAQ search: the vocabulary of the Belgian social security of
 * the self-employed, as the institution, the funds and callers say it. Each group holds phrases that
 * mean the same; a phrase typed in a query brings the others into the search, in both languages.
 *
 * Managed data: editors extend it; this list seeds it. Every pair here is general vocabulary (the
 * glossary of the domain, the official names of measures and the everyday words callers use for
 * them), never a rule written for one question.
 */
export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
  // The glossary of the domain (official terms, FR/NL).
  { fr: ['travailleur indépendant', 'indépendant', 'indépendante'], nl: ['zelfstandige', 'zelfstandig'] },
  { fr: ['à titre principal', 'activité principale'], nl: ['in hoofdberoep', 'hoofdberoep'] },
  {
    fr: ['à titre complémentaire', 'activité complémentaire', 'indépendant complémentaire'],
    nl: ['in bijberoep', 'bijberoep', 'zelfstandige in bijberoep'],
  },
  {
    fr: ['conjoint aidant', 'conjointe aidante', 'maxi-statut', 'mini-statut'],
    nl: [
      'meewerkende echtgenoot',
      'meewerkende echtgenote',
      'meewerkende partner',
      'maxistatuut',
      'ministatuut',
    ],
  },
  {
    fr: ['pensionné actif', 'pensionnée active', 'retraité actif'],
    nl: ['actieve gepensioneerde', 'werkende gepensioneerde'],
  },
  { fr: ['droit passerelle'], nl: ['overbruggingsrecht'] },
  {
    fr: ['droit passerelle de crise', 'droit passerelle corona'],
    nl: ['crisisoverbruggingsrecht', 'crisis-overbruggingsrecht', 'corona-overbruggingsrecht'],
  },
  { fr: ['double droit passerelle'], nl: ['dubbel overbruggingsrecht', 'dubbele overbruggingsrecht'] },
  {
    fr: ['droit passerelle de soutien à la reprise', 'droit passerelle de relance', 'soutien à la reprise'],
    nl: [
      'overbruggingsrecht ter ondersteuning van de heropstart',
      'relance-overbruggingsrecht',
      'heropstart-overbruggingsrecht',
      'heropstart',
    ],
  },
  { fr: ['reprise', 'relance'], nl: ['heropstart', 'herstart', 'relance'] },
  {
    fr: ['droit passerelle parental', 'allocation parentale'],
    nl: ['ouderschapsoverbruggingsrecht', 'ouderschapsuitkering'],
  },
  { fr: ['droit passerelle classique'], nl: ['klassiek overbruggingsrecht', 'klassieke overbruggingsrecht'] },
  { fr: ['cotisations sociales', 'cotisations', 'cotis'], nl: ['sociale bijdragen', 'bijdragen'] },
  {
    fr: ['cotisations sociales provisoires', 'cotisations provisoires'],
    nl: ['voorlopige sociale bijdragen', 'voorlopige bijdragen'],
  },
  { fr: ['cotisation des sociétés', 'cotisation annuelle des sociétés'], nl: ['vennootschapsbijdrage'] },
  { fr: ['cotisation minimale', 'cotisation minimum'], nl: ['minimumbijdrage', 'minimale bijdrage'] },
  {
    fr: ['report de paiement', 'report', 'reporter', 'postposer', 'différer', 'décaler'],
    nl: ['uitstel van betaling', 'uitstel', 'uitstellen', 'uitgesteld'],
  },
  {
    fr: ['réduction des cotisations', 'réduction', 'réduire', 'diminuer'],
    nl: ['vermindering van de bijdragen', 'vermindering', 'verminderen', 'verlagen'],
  },
  {
    fr: ['dispense de cotisations', 'dispense', 'dispensé'],
    nl: ['vrijstelling van bijdragen', 'vrijstelling'],
  },
  { fr: ['majorations', 'majorations de retard'], nl: ['verhogingen', 'nalatigheidsverhogingen'] },
  { fr: ['assujettissement', 'assujetti'], nl: ['onderwerping', 'onderworpen'] },
  { fr: ['affilié', 'affiliée'], nl: ['aangeslotene', 'aangesloten'] },
  { fr: ['affiliation'], nl: ['aansluiting'] },
  {
    fr: ["caisse d'assurances sociales", 'caisse sociale', 'caisse'],
    nl: ['sociaal verzekeringsfonds', 'sociale verzekeringsfonds', 'sociale kas', 'sociaal fonds', 'fonds'],
  },
  { fr: ['INASTI'], nl: ['RSVZ'] },
  { fr: ['télétravail'], nl: ['telewerk', 'thuiswerk'] },
  { fr: ['appel', 'appelant'], nl: ['oproep', 'beller'] },
  { fr: ['téléphone', 'téléphoner', 'appeler'], nl: ['telefoon', 'telefoneren', 'bellen'] },
  { fr: ['rappel', 'rappeler'], nl: ['terugbelverzoek', 'terugbellen'] },

  // Benefits, income and the other schemes they meet.
  { fr: ['prestation', 'indemnité', 'allocation'], nl: ['uitkering', 'vergoeding'] },
  { fr: ['montant', 'combien'], nl: ['bedrag', 'hoeveel'] },
  { fr: ['argent', 'fric'], nl: ['geld', 'centen'] },
  { fr: ['revenus', 'revenu', 'gagner'], nl: ['inkomen', 'inkomsten', 'verdienen'] },
  { fr: ['revenu de remplacement'], nl: ['vervangingsinkomen'] },
  { fr: ['charge de famille'], nl: ['gezinslast'] },
  { fr: ['famille monoparentale', 'parent seul'], nl: ['eenoudergezin', 'alleenstaande ouder'] },
  { fr: ['mutuelle', 'mutualité'], nl: ['ziekenfonds', 'mutualiteit'] },
  {
    fr: ['assurance maladie', 'assurance soins de santé'],
    nl: ['ziekteverzekering', 'ziekte- en invaliditeitsverzekering'],
  },
  {
    fr: ['conjoint', 'conjointe', 'époux', 'épouse', 'mari', 'femme', 'partenaire', 'compagne', 'compagnon'],
    nl: ['echtgenoot', 'echtgenote', 'partner', 'man', 'vrouw'],
  },
  {
    fr: ['incapacité de travail', 'maladie', 'malade'],
    nl: ['arbeidsongeschiktheid', 'arbeidsongeschikt', 'ziekte', 'ziek'],
  },
  { fr: ['soins de santé'], nl: ['geneeskundige verzorging', 'gezondheidszorg'] },
  { fr: ['chômage temporaire'], nl: ['tijdelijke werkloosheid', 'tijdelijk werkloos'] },
  { fr: ['chômage'], nl: ['werkloosheid', 'werkloos'] },
  { fr: ['pension', 'retraite'], nl: ['pensioen'] },
  { fr: ['pensionné', 'pensionnée', 'retraité', 'retraitée'], nl: ['gepensioneerd', 'gepensioneerde'] },
  { fr: ['pension de survie'], nl: ['overlevingspensioen'] },
  { fr: ['veuve', 'veuf'], nl: ['weduwe', 'weduwnaar'] },
  {
    fr: ['prime régionale', 'prime de nuisance', 'prime'],
    nl: ['gewestelijke premie', 'hinderpremie', 'premie'],
  },
  { fr: ['prime unique'], nl: ['eenmalige premie'] },
  { fr: ['cumul', 'cumuler', 'combiner'], nl: ['cumul', 'cumuleren', 'combineren'] },
  { fr: ['plafond de cumul', 'plafond'], nl: ['cumulplafond', 'plafond', 'grens'] },
  {
    fr: ['impôt', 'impôts', 'imposable', 'fiscal'],
    nl: ['belasting', 'belastingen', 'belastbaar', 'fiscaal'],
  },
  { fr: ['salarié', 'emploi salarié'], nl: ['werknemer', 'loondienst'] },
  {
    fr: ['travail', 'travailler', 'emploi', 'boulot', 'bosser', 'job'],
    nl: ['werk', 'werken', 'job', 'baan'],
  },

  // Activity, closure and turnover.
  { fr: ['activité'], nl: ['activiteit'] },
  { fr: ['fermeture', 'fermé', 'fermer'], nl: ['sluiting', 'gesloten', 'sluiten', 'dicht'] },
  { fr: ['fermeture obligatoire', 'fermeture imposée'], nl: ['verplichte sluiting'] },
  { fr: ['secteurs fermés'], nl: ['gesloten sectoren'] },
  {
    fr: ['interruption', 'arrêt', 'arrêter', 'à l’arrêt'],
    nl: ['onderbreking', 'stilligt', 'ligt stil', 'stilgevallen', 'stilleggen', 'stopzetten', 'stoppen'],
  },
  { fr: ['interruption volontaire'], nl: ['vrijwillige onderbreking'] },
  { fr: ['cessation', 'cesser'], nl: ['stopzetting', 'stopzetten'] },
  { fr: ['réouverture', 'rouvrir', 'rouvert'], nl: ['heropening', 'heropenen', 'heropend'] },
  { fr: ["chiffre d'affaires", 'chiffre'], nl: ['omzet'] },
  {
    fr: ["baisse du chiffre d'affaires", "perte de chiffre d'affaires"],
    nl: ['omzetdaling', 'omzetverlies', 'daling van de omzet'],
  },
  { fr: ['seuil'], nl: ['drempel'] },
  { fr: ['confinement'], nl: ['lockdown'] },
  { fr: ['quarantaine'], nl: ['quarantaine'] },
  {
    fr: ["garde d'enfant", "garde d'enfants", 'garder les enfants'],
    nl: ['zorg voor een kind', 'kinderopvang', 'opvang'],
  },
  { fr: ['enfant', 'enfants'], nl: ['kind', 'kinderen'] },
  { fr: ['école', 'classe'], nl: ['school', 'klas'] },
  { fr: ['enseignement à distance'], nl: ['afstandsonderwijs'] },
  { fr: ['trimestre'], nl: ['kwartaal'] },
  { fr: ['semestre'], nl: ['halfjaar'] },
  {
    fr: ['début d’activité', "début d'activité", 'débutant', 'starter'],
    nl: ['starter', 'beginnende zelfstandige', 'opstart'],
  },
  {
    fr: ['étudiant indépendant', 'étudiant-indépendant'],
    nl: ['student-zelfstandige', 'studentzelfstandige'],
  },
  { fr: ['frontalier'], nl: ['grensarbeider'] },
  {
    fr: ["dirigeant d'entreprise", 'gérant', 'mandataire de société', 'administrateur'],
    nl: ['bedrijfsleider', 'zaakvoerder', 'vennootschapsmandataris', 'bestuurder'],
  },
  { fr: ['société', 'SRL'], nl: ['vennootschap', 'BV'] },
  { fr: ['commerce', 'magasin', 'boutique'], nl: ['winkel', 'handelszaak', 'zaak'] },
  { fr: ['entreprise'], nl: ['onderneming', 'bedrijf'] },
  { fr: ['commerce non essentiel'], nl: ['niet-essentiële winkel', 'niet-essentiële handelszaak'] },
  { fr: ['client', 'clients', 'clientèle'], nl: ['klant', 'klanten', 'cliënteel'] },
  { fr: ['fournisseur'], nl: ['leverancier', 'toeleverancier'] },
  { fr: ['livraison', 'livrer'], nl: ['levering', 'leveren'] },
  { fr: ['vente en ligne', 'en ligne'], nl: ['online verkoop', 'webshop', 'online'] },

  // Sectors and occupations callers name.
  { fr: ['restaurant', 'resto'], nl: ['restaurant'] },
  {
    fr: ['à emporter', 'plats à emporter', 'take-away', 'emporté'],
    nl: ['afhaal', 'afhalen', 'afhaalmaaltijden', 'take-away'],
  },
  { fr: ['click & collect', 'click and collect'], nl: ['click & collect', 'click and collect'] },
  { fr: ['coiffeur', 'coiffeuse', 'coiffure'], nl: ['kapper', 'kapster', 'kapsalon'] },
  { fr: ['métiers de contact'], nl: ['contactberoepen'] },
  {
    fr: ['événements', 'événementiel', 'organisateur d’événements'],
    nl: ['evenementen', 'evenementensector', 'feesten'],
  },
  { fr: ['artiste', 'musicien', 'concert'], nl: ['kunstenaar', 'muzikant', 'concert'] },
  { fr: ['culture'], nl: ['cultuur'] },
  { fr: ['taxi', 'chauffeur de taxi'], nl: ['taxi', 'taxichauffeur'] },
  { fr: ['agriculteur', 'fermier', 'horticulteur'], nl: ['landbouwer', 'boer', 'tuinbouwer'] },
  { fr: ['marchand ambulant', 'marchés', 'forain'], nl: ['marktkramer', 'markten', 'foorkramer'] },
  { fr: ['kinésithérapeute', 'kiné'], nl: ['kinesitherapeut', 'kinesist', 'kine'] },
  { fr: ['professions libérales'], nl: ['vrije beroepen'] },
  { fr: ['tourisme', 'hébergement'], nl: ['toerisme', 'logies'] },

  // Procedure, payment and recovery.
  {
    fr: ['demande', 'demander', 'introduire une demande'],
    nl: ['aanvraag', 'aanvragen', 'aanvraag indienen'],
  },
  { fr: ['formulaire'], nl: ['formulier'] },
  {
    fr: ['délai', 'date limite', 'échéance', "jusqu'à quand"],
    nl: ['termijn', 'uiterste datum', 'vervaldag', 'tot wanneer'],
  },
  {
    fr: ['chaque mois', 'mensuel', 'mensuelle', 'par mois'],
    nl: ['elke maand', 'maandelijks', 'maandelijkse', 'per maand'],
  },
  { fr: ['paiement', 'payer'], nl: ['betaling', 'betalen'] },
  { fr: ['retard', 'tardif'], nl: ['laattijdig', 'achterstand', 'te laat'] },
  { fr: ['domiciliation'], nl: ['domiciliëring'] },
  { fr: ['remboursement', 'rembourser'], nl: ['terugbetaling', 'terugbetalen'] },
  { fr: ['récupération', 'indu', 'payé à tort'], nl: ['terugvordering', 'onverschuldigd'] },
  {
    fr: ["plan d'apurement", 'échelonnement', 'échelonner', 'plan de paiement', 'étaler'],
    nl: ['afbetalingsplan', 'spreiding', 'spreiden', 'in schijven'],
  },
  { fr: ['régularisation'], nl: ['regularisatie'] },
  { fr: ['recours', 'contester'], nl: ['beroep', 'aanvechten'] },
  { fr: ['tribunal du travail'], nl: ['arbeidsrechtbank'] },
  { fr: ['refus', 'refusé'], nl: ['weigering', 'geweigerd'] },
  { fr: ['contrôle', 'vérifier'], nl: ['controle', 'controleren'] },
  {
    fr: ["déclaration sur l'honneur", "sur l'honneur"],
    nl: ['verklaring op erewoord', 'op erewoord', 'op eer'],
  },
  { fr: ['attestation', 'certificat'], nl: ['attest', 'getuigschrift'] },
  { fr: ['pièces justificatives', 'pièces', 'documents'], nl: ['bewijsstukken', 'stukken', 'documenten'] },
  { fr: ['compte', 'compte bancaire'], nl: ['rekening', 'bankrekening'] },
  { fr: ['réponse', 'répondre'], nl: ['antwoord', 'antwoorden', 'reageren'] },
  { fr: ['lettre', 'courrier'], nl: ['brief'] },

  // Contact and help.
  { fr: ['call center', 'centre d’appel', "centre d'appels"], nl: ['callcenter', 'call center'] },
  { fr: ['numéro gratuit', 'numéro vert'], nl: ['gratis nummer', 'gratis telefoonnummer'] },
  { fr: ['boîte mail', 'e-mail', 'courriel'], nl: ['mailbox', 'e-mail', 'mail'] },
  {
    fr: ['ligne d’écoute', "ligne d'écoute", 'soutien psychologique'],
    nl: ['luisterlijn', 'psychologische ondersteuning'],
  },
  { fr: ['détresse', 'suicide'], nl: ['nood', 'zelfmoord'] },
  { fr: ['escalade', 'back office'], nl: ['escalatie', 'backoffice'] },
  { fr: ['mise à jour'], nl: ['bijwerking', 'update'] },
  { fr: ['accusé de réception'], nl: ['ontvangstbevestiging'] },
];
