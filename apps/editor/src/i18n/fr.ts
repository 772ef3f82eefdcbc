import { aiFr } from "./ai-fr";
import type { MessageKey } from "./en";
import type { Message } from "./plural";

/** Français. Same keys as en.ts (the type checks it; a test checks none is empty). */
export const fr: Record<MessageKey, Message> = {
  ...aiFr,
  "common.loading": "Chargement…",
  "common.offline": "Le serveur est injoignable. Vérifiez votre connexion.",
  "common.language": "Langue",
  "common.cancel": "Annuler",
  "common.close": "Fermer",
  "common.remove": "Supprimer",
  "common.labelled": "{label} : {value}",

  "signIn.intro": "Ou, pour l’automatisation, le jeton d’administration de ce serveur Convo.",
  "signIn.withEmailIntro": "Connectez-vous avec votre adresse e-mail et votre mot de passe.",
  "signIn.email": "Adresse e-mail",
  "signIn.password": "Mot de passe",
  "signIn.withEmail": "Se connecter par e-mail",
  "signIn.wrongPassword": "Adresse e-mail ou mot de passe incorrect.",
  "signIn.locked":
    "Trop d’échecs de connexion : ce compte est bloqué pour le moment. Réessayez après {time}.",
  "signIn.invalidLink":
    "Ce lien n’est plus valable : il a déjà servi, ou il a expiré. Demandez-en un nouveau au propriétaire.",
  "signIn.token": "Jeton d’administration",
  "signIn.submit": "Se connecter",
  "signIn.wrongToken": "Ce jeton n’est pas accepté.",
  "signIn.signOut": "Se déconnecter",
  "settings.open": "Réglages",
  "account.open": "Mon compte",
  "page.open": "Profil Messenger",

  "error.flowExists": "Un scénario avec cet identifiant existe déjà.",
  "error.notFound": "Ce scénario n’existe pas (ou plus).",
  "error.unauthorized": "Votre session a expiré ; reconnectez-vous.",
  "error.flowClash":
    "Un autre scénario en ligne, « {other} », répond déjà à la même chose. {detail} Changez le déclencheur, ou mettez d’abord « {other} » en pause.",
  "error.server": "Le serveur a refusé : {message}",

  "status.echoesMissing":
    "Votre Page n’envoie pas à Convo l’écho de ses messages. Sans eux, Convo ne voit pas quand une personne répond dans la boîte de réception de la Page (le bot continue de parler), et un message en cours d’envoi lors d’une panne ou d’une réponse lente de Meta peut arriver deux fois. Dans Meta for Developers, abonnez l’application à message_echoes (Messenger → Paramètres → Webhooks).",
  "status.pageBlocked":
    "Meta a bloqué l’envoi de messages par votre Page ({reason}). Tant que Meta ne lève pas ce blocage, les réponses de Convo sont refusées. Consultez la qualité de la Page dans Meta Business Suite et demandez-y un réexamen.",
  "status.pageBlockedNoReason": "sans motif indiqué",
  "editor.backToList": "Retour aux scénarios",
  "editor.tools": "Outils d’édition",
  "editor.undo": "Défaire",
  "editor.redo": "Rétablir",
  "editor.redoKeys": "Ctrl+Maj+Z",
  "editor.layout": "Ranger",
  "editor.fit": "Ajuster",
  "editor.search": "Chercher",

  "save.saved": "Enregistré",
  "save.pending": "Modifications à enregistrer",
  "save.saving": "Enregistrement…",
  "save.offline": "Hors ligne : gardé sur cet appareil",
  "save.conflict": "Modifié ailleurs",
  "save.error": "Non enregistré",
  "save.conflictText":
    "Quelqu’un a enregistré ce scénario depuis un autre onglet ou appareil. Quelle version garder ?",
  "save.reloadTheirs": "Charger la leur (perdre la mienne)",
  "save.overwrite": "Garder la mienne (écraser)",
  "save.offlineText":
    "Vous êtes hors ligne. Vos modifications sont gardées sur cet appareil et envoyées au retour de la connexion.",
  "save.errorText": "Le serveur a refusé ce brouillon :",

  "publish.button": "Publier",
  "publish.title": "Publier ce scénario",
  "publish.note": "Qu’est-ce qui a changé ? (facultatif)",
  "publish.confirm": "Publier maintenant",
  "publish.refused": {
    one: "Publication impossible : corrigez d’abord l’erreur dans Problèmes.",
    other: "Publication impossible : corrigez d’abord les {count} erreurs dans Problèmes.",
  },
  "publish.notSaved": "Le brouillon n’a pas pu être enregistré, il n’a donc pas été publié.",
  "publish.done": "Publié en version {version}.",

  "canvas.palette": "Étapes à ajouter",
  "canvas.paletteHint": "Glissez sur le canevas, ou appuyez pour ajouter au centre",
  "canvas.addStep": "Ajouter une étape",
  "canvas.controls": "Zoom",
  "canvas.overview":
    "Vue d’ensemble des {count} étapes du scénario. Zoomez pour les modifier une à une.",
  "canvas.minimap": "Vue d’ensemble",
  "canvas.stepKeys":
    "Entrée ou Espace sélectionne l’étape, les flèches la déplacent, C la relie à une autre étape, Suppr la supprime.",
  "canvas.connectionKeys": "Entrée ou Espace sélectionne la connexion, Suppr la supprime.",
  "canvas.moved": "Étape déplacée en x {x}, y {y}.",
  "canvas.zoomIn": "Zoomer",
  "canvas.zoomOut": "Dézoomer",
  "canvas.fitView": "Ajuster le scénario à l’écran",
  "canvas.lock": "Verrouiller ou déverrouiller le déplacement des étapes",
  "canvas.handle": "Point de connexion",

  "panel.sidebar": "Panneau latéral",
  "panel.inspector": "Étape",
  "panel.problems": "Problèmes",
  "panel.variables": "Variables",
  "panel.versions": "Versions",

  "canvas.channel": "Étapes comme sur",
  "canvas.channelHint": "L’aspect de chaque étape sur ce canal ; le panneau de test joue le même",
  "translations.canvasLanguage": "Textes en",
  "translations.missingOnStep": {
    one: "{count} texte pas encore en {language} : affiché dans la langue par défaut",
    other: "{count} textes pas encore en {language} : affichés dans la langue par défaut",
  },

  "type.trigger": "Départ",
  "type.message": "Message",
  "type.input": "Question",
  "type.condition": "Condition",
  "type.action": "Action",
  "type.delay": "Attente",
  "type.randomizer": "Aléatoire",
  "type.handover": "Passage à un humain",
  "type.notify": "Prévenir l'équipe",
  "type.goto": "Aller au scénario",
  "type.note": "Post-it",

  "node.emptyText": "Texte vide",
  "note.empty": "Écrivez une note…",
  "handover.summary": "Une personne prend le relais ; le bot se met en pause.",
  "notify.withVariables": "Envoyé avec {names} et un lien vers la conversation.",
  "notify.withLink": "Envoyé avec un lien vers la conversation.",

  "output.next": "Suite",
  "output.else": "Sinon",
  "output.anythingElse": "Autre réponse",
  "output.invalid": "Réponse invalide",
  "output.timeout": "Pas de réponse",
  "output.error": "Erreur",
  "output.branch": "Branche {n}",
  "output.variant": "Variante {letter}",

  "block.text": "Texte",
  "block.image": "Image",
  "block.video": "Vidéo",
  "block.audio": "Audio",
  "block.file": "Fichier",
  "block.cards": "Carrousel de cartes",
  "block.typing": "Pause « en train d’écrire »",

  "trigger.event": "Événement de vos systèmes",
  "trigger.keyword": "Mots-clés",
  "trigger.ref": "Lien ou publicité (ref)",
  "trigger.postback": "Payload de menu",
  "trigger.get_started": "Bouton Démarrer",
  "trigger.default": "Réponse par défaut",
  "trigger.comment": "Commentaire sur une publication",
  "trigger.anyComment": "tout commentaire",

  "match.contains": "contient",
  "match.exact": "est exactement",
  "match.starts_with": "commence par",

  "validation.text": "Texte",
  "validation.number": "Nombre",
  "validation.email": "E-mail",
  "validation.phone": "Téléphone",
  "validation.date": "Date",
  "validation.choice": "Choix",

  "condition.and": "et",
  "condition.or": "ou",
  "condition.always": "toujours",

  "op.equals": "est égal à",
  "op.not_equals": "n’est pas",
  "op.contains": "contient",
  "op.not_contains": "ne contient pas",
  "op.starts_with": "commence par",
  "op.greater_than": "est supérieur à",
  "op.less_than": "est inférieur à",
  "op.is_set": "est renseigné",
  "op.is_empty": "est vide",
  "op.matches": "correspond au motif",
  "op.has": "a l’étiquette",
  "op.has_not": "n’a pas l’étiquette",

  "step.set_variable": "Définir une variable",
  "step.remember": "Mémoriser le contact comme",
  "step.add_tag": "Ajouter une étiquette",
  "step.remove_tag": "Retirer une étiquette",
  "step.set_field": "Définir un champ du contact",
  "step.http": "Requête HTTP",

  "step.set_language": "Choisir la langue du contact",
  "unit.seconds": { one: "{count} seconde", other: "{count} secondes" },
  "unit.minutes": { one: "{count} minute", other: "{count} minutes" },
  "unit.hours": { one: "{count} heure", other: "{count} heures" },
  "unit.days": { one: "{count} jour", other: "{count} jours" },

  "problems.hasErrors": "Cette étape a des erreurs",
  "problems.hasWarnings": "Cette étape a des avertissements",

  "versions.viewing": "Vous regardez la version {version} (lecture seule).",
  "versions.draftDiffers": "Brouillon différent de la version en ligne",
  "versions.draftDiffersHint":
    "Le brouillon contient des modifications absentes de la version en ligne ({version}). Les clients les verront une fois publiées.",
  "diff.added": "Ajoutée",
  "diff.removed": "Supprimée",
  "diff.changed": "Modifiée",
  "notice.close": "Fermer",
  "notice.closeHint": "Fermer (Échap)",

  "help.title": "Raccourcis clavier",

  "problem.clash-keyword":
    "Le mot-clé « {key} » est aussi un mot-clé du scénario « {other} » : un client qui le tape n’obtient que l’un des deux scénarios.",
  "problem.clash-ref":
    "Le ref de lien « {key} » lance aussi le scénario « {other} » : un client qui ouvre le lien n’obtient que l’un des deux scénarios.",
  "problem.clash-payload":
    "Le payload « {key} » lance aussi le scénario « {other} » : un client qui le touche n’obtient que l’un des deux scénarios.",
  "problem.clash-get-started":
    "Le scénario « {other} » répond aussi à « Démarrer » : un nouveau client n’obtient que l’un des deux scénarios.",
  "problem.clash-event":
    "L’événement « {key} » lance aussi le scénario « {other} » : chaque événement ne lance que l’un des deux scénarios.",
  "problem.clash-default":
    "Le scénario « {other} » est déjà la réponse par défaut : un seul scénario peut répondre quand rien d’autre ne correspond.",
  "test.button": "Tester",
  "analytics.toggle": "Statistiques",
  "analytics.period": "Période",
  "analytics.today": "Aujourd’hui",
  "analytics.7d": "7 derniers jours",
  "analytics.30d": "30 derniers jours",
  "analytics.entered": { one: "{count} entré", other: "{count} entrés" },
  "analytics.dropOff": "−{percent} % arrêtés",
  "livechat.open": "Discussion en direct",
  "error.invalidFlow": "Ce fichier n’est pas un scénario que Convo peut ouvrir :",
  "error.invalidJson": "Ce fichier n’est pas un fichier de scénario (ce n’est pas du JSON).",
  "error.tooLarge": "Ce fichier est trop gros pour être importé.",
  "error.where": "à {path}",
  "error.more": "… et {count} de plus.",
  "canvas.searchSteps": "Chercher une étape",
  "canvas.noStepMatches": "Aucune étape de ce nom",
  "note.resize": "Faites glisser pour redimensionner la note",
  "trigger.intent": "Intention (IA)",
  "problem.clash-intent":
    "L’intention « {key} » lance aussi le scénario « {other} » : un client qui la formule n’obtient que l’un des deux scénarios.",
  "problem.clash-intent-example":
    "L’exemple « {key} » est aussi un exemple d’une intention du scénario « {other} » : un client qui le dit n’obtient que l’un des deux scénarios.",
  "problem.sample-secret":
    "La valeur de test de « {name} » ressemble à un identifiant secret. Les valeurs de test sont enregistrées avec le scénario : mettez un exemple anodin, et {{secrets.NOM}} dans la requête pour les clés.",
  "test.sandboxChannelHint":
    "Le canal sur lequel écrit le contact de test : le scénario publié répond comme sur ce canal.",
  "livechat.transcriptOn": "Conversation sur",
};
