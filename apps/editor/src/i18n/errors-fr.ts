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
  "serverError.bad_signature":
    "La signature du message ne correspond pas au secret de l’application.",
  "serverError.invalid_webhook": "Ce n’est pas un message que Meta envoie.",
};
