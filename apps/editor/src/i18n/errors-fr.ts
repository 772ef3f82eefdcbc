import type { ErrorMessageKey } from "./errors-en";
import type { Message } from "./plural";

/** Les codes d’erreur du serveur, en mots (voir `errors-en.ts`). */
export const errorsFr: Record<ErrorMessageKey, Message> = {
  "serverError.internal":
    "Un problème est survenu sur le serveur. Réessayez ; si cela persiste, le journal du serveur en donne la raison.",
  "serverError.http_error": "Le serveur a refusé cette demande.",
  "serverError.aborted": "La demande a été interrompue avant d’arriver. Réessayez.",
  "serverError.invalid_body": "Certaines valeurs ne sont pas valables :",
  "serverError.invalid_query": "Les paramètres de la demande ne sont pas valables :",
  "serverError.invalid_path": "Cette adresse n’est pas valable.",
  "serverError.forbidden": "Votre rôle ne le permet pas.",
  "serverError.csrf_failed": "Cette page n’est plus à jour : rechargez-la, puis réessayez.",
  "serverError.insufficient_scope": "Cette clé d’API ne le permet pas.",
  "serverError.invalid_credentials": "Adresse e-mail ou mot de passe incorrect.",
  "serverError.too_many_attempts": "Trop d’échecs : attendez un moment, puis réessayez.",
  "serverError.invalid_link": "Ce lien n’est plus valable : il a déjà servi, ou il a expiré.",
  "serverError.not_a_person": "Seule une personne connectée a un mot de passe.",
  "serverError.wrong_password": "Le mot de passe actuel n’est pas le bon.",
  "serverError.email_taken": "Cette adresse e-mail a déjà un compte.",
  "serverError.last_owner": "L’équipe doit garder au moins un propriétaire.",
  "serverError.revision_conflict":
    "Le scénario a été modifié ailleurs entre-temps : rechargez-le pour voir le dernier brouillon.",
  "serverError.lint_errors":
    "Le scénario a des erreurs : corrigez-les dans Problèmes, puis publiez.",
  "serverError.not_published": "Ce scénario n’est pas publié.",
  "serverError.invalid_name":
    "Le nom d’un secret s’écrit en majuscules, chiffres et _, en commençant par une lettre (comme SHOP_TOKEN).",
  "serverError.invalid_url": "Ce n’est pas une adresse web que le serveur peut appeler :",
  "serverError.not_sandbox": "Le bac à sable est désactivé : ce serveur envoie sur Messenger.",
  "serverError.set_by_environment":
    "Les réglages du serveur lui-même en décident (ses variables d’environnement) : changez-les là.",
  "serverError.webhook_refused": "Le webhook du serveur a refusé le message du bac à sable.",
  "serverError.taken": "Quelqu’un d’autre a pris cette conversation.",
  "serverError.resolved": "Cette conversation est déjà close.",
  "serverError.invalid_idempotency_key": "L’en-tête Idempotency-Key fait de 1 à 255 caractères.",
  "serverError.no_flow_for_event": "Aucun scénario publié ne démarre sur cet événement.",
  "serverError.invalid_data":
    "Les données de l’événement ne correspondent pas aux champs que déclare son déclencheur :",
  "serverError.unknown_contact": "Aucun contact n’a cet identifiant.",
  "serverError.batch_too_large":
    "Un lot compte au plus 1 000 événements : envoyez le reste dans un autre.",
  "serverError.bad_signature":
    "La signature du message ne correspond pas au secret de l’application.",
  "serverError.invalid_webhook": "Ce n’est pas un message que Meta envoie.",
  // An imported flow's issues (`common/errors.ts`), with the types they name.
  "importIssue.not_a_flow": "Ce n’est pas un fichier de scénario Convo.",
  "importIssue.newer_version":
    "Ce scénario a été fait avec un Convo plus récent (version {version}) ; mettez celui-ci à jour pour l’ouvrir.",
  "importIssue.schema_version": "Le numéro de version du fichier n’est pas valide.",
  "importIssue.not_json": "Ce fichier n’est pas un fichier de scénario (ce n’est pas du JSON).",
  "importIssue.missing": "« {field} » manque.",
  "importIssue.wrong_type": "« {field} » devrait être {expected}, pas {got}.",
  "importIssue.too_many": "« {field} » a trop d’éléments ({max} au plus).",
  "importIssue.too_long": "« {field} » est trop long ({max} au plus).",
  "importIssue.empty": "« {field} » ne peut pas être vide.",
  "importIssue.too_few": {
    one: "« {field} » demande au moins {min} élément.",
    other: "« {field} » demande au moins {min} éléments.",
  },
  "importIssue.too_small": "« {field} » doit valoir au moins {min}.",
  "importIssue.one_of": "« {field} » doit être l’une de ces valeurs : {values}.",
  "importIssue.unknown_fields": "Convo ne connaît pas {fields} ici.",
  "importIssue.invalid": "« {field} » n’est pas valide.",
  "importType.string": "du texte",
  "importType.number": "un nombre",
  "importType.boolean": "oui ou non",
  "importType.array": "une liste",
  "importType.object": "un groupe de champs",
  "importType.null": "vide",
  "importType.nothing": "rien",
};
