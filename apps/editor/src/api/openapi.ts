// Generated from the runtime's OpenAPI document (apps/runtime/openapi.json) by
// `pnpm --filter @convo/runtime openapi`: do not edit; a runtime test fails while it is stale.

export interface paths {
    "/api/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * First run: the setup link's token makes the first owner, signed in
         * @description Sets the `convo_session` cookie (HttpOnly, SameSite=Lax, Secure but on loopback; ends after 12 h unused).
         */
        post: operations["postAuthSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password (a new session each time)
         * @description Sets the `convo_session` cookie (HttpOnly, SameSite=Lax, Secure but on loopback; ends after 12 h unused).
         */
        post: operations["postAuthSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/accept-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join with an invite link (or set a new password with a reset link), signed in
         * @description Sets the `convo_session` cookie (HttpOnly, SameSite=Lax, Secure but on loopback; ends after 12 h unused).
         */
        post: operations["postAuthAcceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, their role, and the session's CSRF token */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: operations["postAuthSignOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of one's account, this one too */
        post: operations["postAuthSignOutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one's password (the other sessions end) */
        post: operations["postAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team, and the invites not used yet */
        get: operations["getPeople"];
        put?: never;
        /** Invite someone with a role: a link that works once, for 72 hours */
        post: operations["postPeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove someone: their sessions stop at once */
        delete: operations["deletePeopleId"];
        options?: never;
        head?: never;
        /** Change someone's role */
        patch: operations["patchPeopleId"];
        trace?: never;
    };
    "/api/people/{id}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A password reset link for someone (72 hours, once) */
        post: operations["postPeopleIdReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (`format=csv` for a spreadsheet) */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every API key, newest first, with its scopes and when it was last used */
        get: operations["getKeys"];
        put?: never;
        /** Make a named key with scopes: the key is in this answer only, stored as a digest */
        post: operations["postKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: it stops working at once */
        delete: operations["deleteKeysId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the flows */
        get: operations["getFlows"];
        put?: never;
        /** Create a flow, empty (from a name) or from a document */
        post: operations["postFlows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a flow file (migrated when older) */
        post: operations["postFlowsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flow with its draft */
        get: operations["getFlowsId"];
        /** Save the draft (optimistic: the revision it was read at) */
        put: operations["putFlowsId"];
        post?: never;
        /** Delete a flow and its versions */
        delete: operations["deleteFlowsId"];
        options?: never;
        head?: never;
        /** Rename a flow */
        patch: operations["patchFlowsId"];
        trace?: never;
    };
    "/api/flows/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copy a flow's draft into a new flow */
        post: operations["postFlowsIdDuplicate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft as the next version */
        post: operations["postFlowsIdPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a published flow: it keeps its versions but answers nothing */
        post: operations["postFlowsIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused flow: its published version answers again */
        post: operations["postFlowsIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published versions, newest first */
        get: operations["getFlowsIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published version with its document */
        get: operations["getFlowsIdVersionsVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a published version the draft again */
        post: operations["postFlowsIdVersionsVersionRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draft as a flow file (stable key order, secrets redacted) */
        get: operations["getFlowsIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many contacts entered each step and took each handle
         * @description Counted per UTC day; `from` defaults to 30 days before `to`, `to` to now.
         */
        get: operations["getFlowsIdStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/external-ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's external ids (orders, customer numbers) and user_refs */
        get: operations["getContactsIdExternalIds"];
        put?: never;
        /** Link an external id to a contact (one contact, many ids) */
        post: operations["postContactsIdExternalIds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand events a contact received, newest first, with what was sent */
        get: operations["getContactsIdEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts, most recently active first */
        get: operations["getContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact */
        get: operations["getContactsId"];
        put?: never;
        post?: never;
        /** Erase a contact and everything about them */
        delete: operations["deleteContactsId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's conversation, newest first */
        get: operations["getContactsIdTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause the bot for a contact (a person answers) */
        post: operations["postContactsIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the contact back to the bot */
        post: operations["postContactsIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a person's reply to the contact */
        post: operations["postContactsIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything stored about a contact (an access request), credentials emptied */
        get: operations["getContactsIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inbox: conversations handed to people, oldest first */
        get: operations["getConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inbox's news as it happens (server-sent events)
         * @description First `ready`, then events `opened`, `message`, `assigned`, `note` and `resolved`, each `{ type, conversationId, psid, at }` as JSON (`message` adds `from`, `assigned` adds `assignee`); a comment line every 15 s keeps the stream open through proxies. Read the conversation or the queue for the rest.
         */
        get: operations["getConversationsStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation: the contact, the last messages (the bot's with their buttons), notes */
        get: operations["getConversationsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/take": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a waiting conversation (assigned to the caller) */
        post: operations["postConversationsIdTake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an open conversation to an agent */
        post: operations["postConversationsIdAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to the contact (the transcript names the agent) */
        post: operations["postConversationsIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an internal note (never sent to the contact) */
        post: operations["postConversationsIdNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the conversation read by the caller */
        post: operations["postConversationsIdRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve the conversation: the bot answers the contact again */
        post: operations["postConversationsIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post an event for a contact (Idempotency-Key: the same key answers the same id) */
        post: operations["postEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post up to 1,000 events, each with its own key and result */
        post: operations["postEventsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What became of an event: queued, sent, skipped (why) or failed (Meta's error) */
        get: operations["getEventsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoints (without their secrets) */
        get: operations["getWebhooksEndpoints"];
        put?: never;
        /** Add an endpoint (https, public); its signing secret is answered once */
        post: operations["postWebhooksEndpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an endpoint and its pending deliveries */
        delete: operations["deleteWebhooksEndpointsId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries, newest first, with their attempts */
        get: operations["getWebhooksDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Page's Messenger profile: Get Started, greeting, menu, ice breakers */
        get: operations["getPage"];
        /** Save the Page's Messenger profile and send it to Messenger */
        put: operations["putPage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The secrets' names, when and by whom they were set (never their values) */
        get: operations["getSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a secret (write-only: sealed with AES-256-GCM, never read back) */
        put: operations["putSecretsName"];
        post?: never;
        /** Delete a secret set in the editor */
        delete: operations["deleteSecretsName"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai/provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The AI provider (URL, model, whether a key is saved; never the key) */
        get: operations["getAiProvider"];
        /** Set the AI provider (the key is sealed with AES-256-GCM and never read back) */
        put: operations["putAiProvider"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sandbox mode, and whether the Page sends Convo its message echoes */
        get: operations["getStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/parked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages Messenger refused for good, with the reason */
        get: operations["getOutboxParked"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/parked/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a parked message again */
        post: operations["postOutboxParkedIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events whose step failed, with the error */
        get: operations["getInboxFailed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/failed/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step a failed event again */
        post: operations["postInboxFailedIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/unknown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook events Convo did not understand, newest first (500 at most), with their JSON */
        get: operations["getInboxUnknown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meta's last policy action on the Page (policy_enforcement: a block or an unblock) */
        get: operations["getInboxPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/simulator/http": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run an HTTP step for the editor's simulator, with the live worker's rules */
        post: operations["postSimulatorHttp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/simulator/ai": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the brand's model (or the sandbox's AI emulator) for the editor's simulator */
        post: operations["postSimulatorAi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/http-test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try an HTTP step with its sample values, through the live step's rules (http(s) only, no private addresses unless allowed, time-out, 1 MB); secrets are filled here and masked in the answer */
        post: operations["postHttpTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A message from a sandbox contact, through the real (signed) webhook */
        post: operations["postSandboxMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox/sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Send API calls the emulator answered (sandbox mode only) */
        get: operations["getSandboxSent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The test contact as the flows see it: fields, tags and variables (sandbox mode only) */
        get: operations["getSandboxContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document: the management API in OpenAPI 3.1 */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alive */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Taking traffic (the database open, the workers started) */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: Convo's counters and queue depths, and the process's */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/messenger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meta's verification of the callback URL */
        get: operations["getWebhooksMessenger"];
        put?: never;
        /** Meta's webhook events (Page and Instagram), stored durably before the 200 */
        post: operations["postWebhooksMessenger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meta's verification of the callback URL */
        get: operations["getWebhooksWhatsapp"];
        put?: never;
        /** WhatsApp Cloud API webhook events (`whatsapp_business_account`), stored durably before the 200 */
        post: operations["postWebhooksWhatsapp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every answer other than 2xx. */
        Error: {
            /** @description Details vary by code: `issues`, `problems`, `current`, `limit`. */
            error: {
                /**
                 * @description Stable machine code, e.g. `not_found`.
                 * @enum {string}
                 */
                code: "not_found" | "internal" | "http_error" | "aborted" | "invalid_json" | "invalid_body" | "invalid_query" | "invalid_path" | "too_large" | "unauthorized" | "forbidden" | "csrf_failed" | "insufficient_scope" | "invalid_credentials" | "too_many_attempts" | "invalid_link" | "not_a_person" | "wrong_password" | "email_taken" | "last_owner" | "invalid_flow" | "flow_exists" | "revision_conflict" | "lint_errors" | "flow_clash" | "not_published" | "invalid_name" | "invalid_url" | "not_sandbox" | "webhook_refused" | "taken" | "resolved" | "set_by_environment" | "invalid_idempotency_key" | "no_flow_for_event" | "invalid_data" | "unknown_contact" | "batch_too_large" | "bad_signature" | "invalid_webhook";
                /** @description A sentence for a person. */
                message: string;
            } & {
                [key: string]: unknown;
            };
        };
        /** @description A flow document (schema version 1; flow.schema.json). */
        Flow: {
            /** @constant */
            schemaVersion: 2;
            /** @description The flow's slug, unique per runtime. */
            id: string;
            name: string;
            description?: string;
            languages: string[];
            channels?: ("messenger" | "instagram" | "whatsapp")[];
            variables: {
                name: string;
                /** @enum {string} */
                type: "text" | "number" | "boolean" | "date";
                default?: string;
                description?: string;
            }[];
            nodes: ({
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "trigger";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    triggers: ({
                        /** @constant */
                        kind: "event";
                        event: string;
                        fields: {
                            name: string;
                            /** @enum {string} */
                            type: "text" | "number" | "boolean" | "url" | "date";
                            required?: boolean;
                        }[];
                        sample?: {
                            [key: string]: string | number | boolean;
                        };
                    } | {
                        /** @constant */
                        kind: "intent";
                        name: string;
                        examples: string[];
                        minConfidence?: number;
                    } | {
                        /** @constant */
                        kind: "keyword";
                        /** @enum {string} */
                        match: "exact" | "contains" | "starts_with";
                        keywords: string[];
                        translations?: {
                            [key: string]: {
                                keywords?: string[];
                            };
                        };
                    } | {
                        /** @constant */
                        kind: "ref";
                        ref: string;
                        externalId?: boolean;
                    } | {
                        /** @constant */
                        kind: "postback";
                        payload: string;
                    } | {
                        /** @constant */
                        kind: "get_started";
                    } | {
                        /** @constant */
                        kind: "default";
                    } | {
                        /** @constant */
                        kind: "comment";
                        keywords: string[];
                        posts?: string[];
                        publicReply?: string;
                    })[];
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "message";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    /** @enum {string} */
                    sendAs?: "standard" | "POST_PURCHASE_UPDATE" | "CONFIRMED_EVENT_UPDATE" | "ACCOUNT_UPDATE";
                    content: ({
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        /** @constant */
                        kind: "text";
                        text: string;
                        buttons?: ({
                            /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                            id: string;
                            /** @constant */
                            kind: "postback";
                            title: string;
                            translations?: {
                                [key: string]: {
                                    title?: string;
                                };
                            };
                        } | {
                            /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                            id: string;
                            /** @constant */
                            kind: "url";
                            title: string;
                            translations?: {
                                [key: string]: {
                                    title?: string;
                                };
                            };
                            url: string;
                            /** @enum {string} */
                            webviewHeight?: "compact" | "tall" | "full";
                        } | {
                            /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                            id: string;
                            /** @constant */
                            kind: "call";
                            title: string;
                            translations?: {
                                [key: string]: {
                                    title?: string;
                                };
                            };
                            phone: string;
                        })[];
                        translations?: {
                            [key: string]: {
                                text?: string;
                            };
                        };
                    } | {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        /** @constant */
                        kind: "image";
                        url: string;
                    } | {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        /** @constant */
                        kind: "video";
                        url: string;
                    } | {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        /** @constant */
                        kind: "audio";
                        url: string;
                    } | {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        /** @constant */
                        kind: "file";
                        url: string;
                    } | {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        /** @constant */
                        kind: "cards";
                        /** @enum {string} */
                        imageAspectRatio?: "horizontal" | "square";
                        cards: {
                            /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                            id: string;
                            title: string;
                            subtitle?: string;
                            imageUrl?: string;
                            url?: string;
                            buttons?: ({
                                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                                id: string;
                                /** @constant */
                                kind: "postback";
                                title: string;
                                translations?: {
                                    [key: string]: {
                                        title?: string;
                                    };
                                };
                            } | {
                                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                                id: string;
                                /** @constant */
                                kind: "url";
                                title: string;
                                translations?: {
                                    [key: string]: {
                                        title?: string;
                                    };
                                };
                                url: string;
                                /** @enum {string} */
                                webviewHeight?: "compact" | "tall" | "full";
                            } | {
                                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                                id: string;
                                /** @constant */
                                kind: "call";
                                title: string;
                                translations?: {
                                    [key: string]: {
                                        title?: string;
                                    };
                                };
                                phone: string;
                            })[];
                            translations?: {
                                [key: string]: {
                                    title?: string;
                                    subtitle?: string;
                                };
                            };
                        }[];
                    } | {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        /** @constant */
                        kind: "typing";
                        seconds: number;
                    })[];
                    quickReplies?: {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        title: string;
                        imageUrl?: string;
                        translations?: {
                            [key: string]: {
                                title?: string;
                            };
                        };
                    }[];
                    whatsappTemplate?: {
                        name: string;
                        language: string;
                        parameters?: string[];
                        translations?: {
                            [key: string]: {
                                language?: string;
                                parameters?: string[];
                            };
                        };
                    };
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "input";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    question: string;
                    variable: string;
                    validation: {
                        /** @constant */
                        kind: "text";
                        minLength?: number;
                        maxLength?: number;
                    } | {
                        /** @constant */
                        kind: "number";
                        min?: number;
                        max?: number;
                        integer?: boolean;
                    } | {
                        /** @constant */
                        kind: "email";
                    } | {
                        /** @constant */
                        kind: "phone";
                    } | {
                        /** @constant */
                        kind: "date";
                    } | {
                        /** @constant */
                        kind: "choice";
                        choices: {
                            /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                            id: string;
                            title: string;
                            value?: string;
                            translations?: {
                                [key: string]: {
                                    title?: string;
                                };
                            };
                        }[];
                    };
                    retryText?: string;
                    retryLimit?: number;
                    timeoutSeconds?: number;
                    offerContactQuickReply?: boolean;
                    translations?: {
                        [key: string]: {
                            question?: string;
                            retryText?: string;
                        };
                    };
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "ai_answer";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    question?: string;
                    entries: {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        question: string;
                        answer: string;
                    }[];
                    text?: string;
                    minScore?: number;
                    tone?: string;
                    variable?: string;
                    timeoutMs?: number;
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "condition";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    branches: {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        label?: string;
                        /** @enum {string} */
                        match: "all" | "any";
                        rules: ({
                            /** @constant */
                            kind: "variable";
                            name: string;
                            /** @enum {string} */
                            op: "equals" | "not_equals" | "contains" | "not_contains" | "starts_with" | "greater_than" | "less_than" | "is_set" | "is_empty" | "matches";
                            value?: string;
                        } | {
                            /** @constant */
                            kind: "contact";
                            field: string;
                            /** @enum {string} */
                            op: "equals" | "not_equals" | "contains" | "not_contains" | "starts_with" | "greater_than" | "less_than" | "is_set" | "is_empty" | "matches";
                            value?: string;
                        } | {
                            /** @constant */
                            kind: "tag";
                            tag: string;
                            /** @enum {string} */
                            op: "has" | "has_not";
                        })[];
                    }[];
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "intent";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    question?: string;
                    intents: {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        name: string;
                        examples: string[];
                    }[];
                    minConfidence?: number;
                    timeoutMs?: number;
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "action";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    steps: ({
                        /** @constant */
                        kind: "set_variable";
                        variable: string;
                        value: string;
                    } | {
                        /** @constant */
                        kind: "add_tag";
                        tag: string;
                    } | {
                        /** @constant */
                        kind: "remove_tag";
                        tag: string;
                    } | {
                        /** @constant */
                        kind: "set_field";
                        field: string;
                        value: string;
                    } | {
                        /** @constant */
                        kind: "remember";
                        externalId: string;
                    } | {
                        /** @constant */
                        kind: "set_language";
                        /** @description A language code: 2 or 3 lower-case letters (ISO 639), like fr or en. */
                        language: string;
                    } | {
                        /** @constant */
                        kind: "http";
                        /** @enum {string} */
                        method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                        url: string;
                        headers?: {
                            name: string;
                            value: string;
                        }[];
                        body?: string;
                        timeoutMs?: number;
                        responseMapping?: {
                            path: string;
                            variable: string;
                        }[];
                        statusVariable?: string;
                        samples?: {
                            [key: string]: string;
                        };
                    })[];
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "delay";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    amount: number;
                    /** @enum {string} */
                    unit: "seconds" | "minutes" | "hours" | "days";
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "randomizer";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    variants: {
                        /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                        id: string;
                        label?: string;
                        weight: number;
                    }[];
                    sticky?: boolean;
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "handover";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    message?: string;
                    resumeAfterHours?: number;
                    passToAppId?: string;
                    reason?: string;
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "notify";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    url: string;
                    text: string;
                    variables?: string[];
                    timeoutMs?: number;
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "goto";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    label?: string;
                    /** @description The flow's slug, unique per runtime. */
                    flowId: string;
                    /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                    nodeId?: string;
                };
            } | {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @constant */
                type: "note";
                position: {
                    x: number;
                    y: number;
                };
                data: {
                    text: string;
                    /** @enum {string} */
                    color?: "yellow" | "blue" | "green" | "pink" | "grey";
                    width?: number;
                    height?: number;
                };
            })[];
            edges: {
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                id: string;
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                source: string;
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                sourceHandle?: string;
                /** @description A stable id: 1 to 64 letters, digits, '-' or '_'. */
                target: string;
            }[];
        };
        FlowSummary: {
            id: string;
            name: string;
            revision: number;
            /** Format: date-time */
            updatedAt: string;
            publishedVersion: number | null;
            publishedAt: string | null;
            hasUnpublishedChanges: boolean;
            nodeCount: number;
            /** @description When the flow was paused; null when it is not. */
            pausedAt: string | null;
            /** @description Published and not paused: it answers customers. */
            live: boolean;
        };
        FlowDetail: {
            id: string;
            name: string;
            revision: number;
            /** Format: date-time */
            updatedAt: string;
            publishedVersion: number | null;
            publishedAt: string | null;
            hasUnpublishedChanges: boolean;
            nodeCount: number;
            /** @description When the flow was paused; null when it is not. */
            pausedAt: string | null;
            /** @description Published and not paused: it answers customers. */
            live: boolean;
            flow: components["schemas"]["Flow"];
            /** @description The schema version an import was migrated from. */
            migratedFrom?: number;
        };
        Saved: {
            revision: number;
            /** Format: date-time */
            updatedAt: string;
        };
        PauseState: {
            live: boolean;
            pausedAt: string | null;
        };
        Published: {
            version: number;
            /** Format: date-time */
            publishedAt: string;
            warnings?: {
                code: string;
                message: string;
            }[];
        };
        VersionSummary: {
            version: number;
            note: string | null;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string | null;
        };
        VersionDetail: {
            version: number;
            note: string | null;
            /** Format: date-time */
            publishedAt: string;
            flow: components["schemas"]["Flow"];
        };
        FlowStats: {
            flowId: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            nodes: {
                [key: string]: {
                    entered: number;
                };
            };
            handles: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            tokens: {
                [key: string]: number;
            };
            tokensByDay: {
                /**
                 * @description The UTC day, YYYY-MM-DD
                 * @example 2025-03-14
                 */
                day: string;
                tokens: number;
            }[];
        };
        Contact: {
            id: string;
            psid: string;
            /** @enum {string} */
            channel: "messenger" | "instagram" | "whatsapp";
            firstName: string | null;
            lastName: string | null;
            locale: string | null;
            profilePic: string | null;
            fields: {
                [key: string]: string;
            };
            tags: string[];
            paused: boolean;
            pausedUntil: string | null;
            lastUserMessageAt: string | null;
            createdAt: string | null;
            currentFlow: string | null;
        };
        TranscriptMessage: {
            id: number;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            direction: "in" | "out";
            /** @enum {string} */
            author: "contact" | "bot" | "agent" | "system";
            /** @enum {string} */
            kind: "text" | "postback" | "quick_reply" | "attachment" | "template" | "event";
            text: string | null;
            payload?: unknown;
            /** @enum {string} */
            status?: "queued" | "sent" | "failed" | "parked";
            /** @description The flow that sent a bot's message. */
            flowId?: string;
            /** @description The step of that flow that sent it. */
            nodeId?: string;
            /** @description The titles of a bot message's buttons and quick replies. */
            buttons?: string[];
        };
        /** @description Who did something in the inbox. */
        Actor: {
            id: string;
            name: string;
        };
        /** @description A conversation handed to people. */
        ConversationSummary: {
            id: string;
            /** @enum {string} */
            state: "waiting" | "assigned" | "resolved";
            channel: string;
            /** @description Why the contact asked for a person. */
            reason: string | null;
            /** @description The flow the contact came from. */
            flowId: string | null;
            /** @description The hand-over step they came from. */
            nodeId: string | null;
            /** Format: date-time */
            openedAt: string;
            assignee: components["schemas"]["Actor"] | null;
            assignedAt: string | null;
            resolvedAt: string | null;
            contact: {
                id: string;
                /** @description First and last name, else the id. */
                name: string;
                profilePic: string | null;
                tags: string[];
            };
            /** @description The contact's messages since it opened the caller has not read. */
            unread: number;
        };
        /** @description An internal note, seen by agents only. */
        ConversationNote: {
            id: number;
            author: components["schemas"]["Actor"];
            text: string;
            /** Format: date-time */
            at: string;
        };
        ConversationDetail: {
            conversation: components["schemas"]["ConversationSummary"];
            contact: components["schemas"]["Contact"];
            messages: {
                id: number;
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                direction: "in" | "out";
                /** @enum {string} */
                author: "contact" | "bot" | "agent" | "system";
                /** @enum {string} */
                kind: "text" | "postback" | "quick_reply" | "attachment" | "template" | "event";
                text: string | null;
                payload?: unknown;
                /** @enum {string} */
                status?: "queued" | "sent" | "failed" | "parked";
                /** @description The flow that sent a bot's message. */
                flowId?: string;
                /** @description The step of that flow that sent it. */
                nodeId?: string;
                /** @description The titles of a bot message's buttons and quick replies. */
                buttons?: string[];
                /** @description The agent who wrote it. */
                agent?: components["schemas"]["Actor"];
            }[];
            notes: components["schemas"]["ConversationNote"][];
        };
        /** @description A brand event a contact received, with what was sent for it. */
        ContactEvent: {
            /** @description The event's id (`evt_…`). */
            id: string;
            /** @description Its name, e.g. `order.shipped`. */
            event: string;
            /** @enum {string} */
            status: "queued" | "sent" | "skipped" | "failed";
            /** @description Why it was skipped: `outside_window` (no message tag allows sending), `bot_paused` (a person has the conversation), `no_flow` (none published), `no_message` (the flow sent nothing), `contact_erased` (erased while it waited). */
            reason?: ("outside_window" | "bot_paused" | "no_flow" | "no_message" | "contact_erased") | string;
            /** @description The reason in English. */
            reasonText?: string;
            /** @description Meta's error when it failed. */
            error?: {
                code: string;
                message: string;
            };
            /** @description The messages sent for it, in order. */
            messageIds: string[];
            /** Format: date-time */
            createdAt: string;
        };
        RuntimeStatus: {
            sandbox: boolean;
            messageEchoes: {
                /** @enum {string} */
                status: "subscribed" | "missing" | "unknown" | "sandbox";
                checkedAt: string | null;
                detail?: string;
            };
        };
        HttpOutcome: {
            ok: boolean;
            status: number | null;
            body: string | null;
            error?: string;
        };
        /** @description What a test of an HTTP step answered, every secret's value masked as [secret NAME]. */
        HttpTestOutcome: {
            ok: boolean;
            request: {
                method: string;
                url: string;
            };
            status: number | null;
            headers: {
                [key: string]: string;
            };
            /** @description The answer, parsed when it is JSON. */
            body: unknown;
            error?: string;
        };
        AiOutcome: {
            ok: boolean;
            answer?: string;
            unsure?: boolean;
            intent?: string;
            confidence?: number;
            error?: string;
        };
        /** @description The model AI steps ask, without its key: whether one is saved, who set it and when, or that the runtime's CONVO_AI_* variables set it (and win). */
        AiProviderInfo: {
            baseUrl: string;
            model: string;
            keySet: boolean;
            /** Format: date-time */
            setAt?: string;
            setBy?: string;
            /** @enum {string} */
            source: "editor" | "environment";
        };
        /** @description An integration's key, without the key itself. */
        ApiKey: {
            /** @description The key's public part (`ck_…`), shown in lists and logs. */
            id: string;
            name: string;
            scopes: string[];
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        /** @description Someone of the team. Never with a password hash. */
        Person: {
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "owner" | "editor" | "agent" | "viewer";
            /** Format: date-time */
            createdAt: string;
            disabledAt: string | null;
        };
        /** @description A secret without its value, which is never read back: who set it and when, or that a `CONVO_SECRET_<NAME>` variable sets it (and wins). */
        SecretInfo: {
            name: string;
            /** Format: date-time */
            setAt?: string;
            setBy?: string;
            /** @enum {string} */
            source: "editor" | "environment";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAuthSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The owner, signed in. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: components["schemas"]["Person"];
                        /** @description Send it as `X-CSRF-Token` on every non-GET call. */
                        csrfToken: string;
                    };
                };
            };
            /** @description Not valid, or the link is used, expired or not a setup link (`invalid_link`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: components["schemas"]["Person"];
                        /** @description Send it as `X-CSRF-Token` on every non-GET call. */
                        csrfToken: string;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong e-mail or password (`invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Locked after too many failures: the message says when to retry (`Retry-After`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthAcceptInvite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: components["schemas"]["Person"];
                        /** @description Send it as `X-CSRF-Token` on every non-GET call. */
                        csrfToken: string;
                    };
                };
            };
            /** @description Not valid, or the link is used or expired (`invalid_link`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description That address has an account already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Null for the admin token. */
                        person: components["schemas"]["Person"] | null;
                        /** @enum {string} */
                        role: "owner" | "editor" | "agent" | "viewer";
                        csrfToken: string | null;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignOutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out everywhere. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not valid, the current password is wrong, or the caller is not a person. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description People, oldest first; pending invites, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        people: components["schemas"]["Person"][];
                        invites: {
                            email: string | null;
                            /** @enum {string} */
                            role: "owner" | "editor" | "agent" | "viewer";
                            /** @enum {string} */
                            kind: "setup" | "invite" | "reset";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "owner" | "editor" | "agent" | "viewer";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The link to send them (shown once). */
                        link: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description That address has an account already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePeopleId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such person. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The last owner cannot be removed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchPeopleId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "owner" | "editor" | "agent" | "viewer";
                };
            };
        };
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such person. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The last owner cannot stop being one. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPeopleIdReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The link to send them (shown once). */
                        link: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such person. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /** @description An actor's id. */
                actor?: string;
                /** @description An action (`flow.publish`), or a prefix ending in `.` (`flow.`). */
                action?: string;
                /** @description Milliseconds since the epoch, or an ISO 8601 date. */
                from?: string;
                /** @description Milliseconds since the epoch, or an ISO 8601 date. */
                to?: string;
                /** @description Entries older than this id (the next page). */
                before?: string;
                /** @description At most this many entries (200 by default). */
                limit?: string;
                /** @description `csv` for a spreadsheet. */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ entries }`, or CSV with `format=csv`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: number;
                            /** Format: date-time */
                            at: string;
                            actor: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                kind: "person" | "key" | "token" | "anonymous" | "system";
                            };
                            action: string;
                            target: string | null;
                            detail: {
                                [key: string]: unknown;
                            };
                            ip: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("events:write" | "events:read" | "webhooks:write" | "flows:read" | "contacts:read")[];
                };
            };
        };
        responses: {
            /** @description The key (shown once) and its row. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        apiKey: components["schemas"]["ApiKey"];
                    };
                };
            };
            /** @description No name, or no known scope. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteKeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id (`ck_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No live key with that id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every flow, without its document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        flows: components["schemas"]["FlowSummary"][];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A flow document (flow.schema.json); older schema versions are migrated. */
                    flow: unknown;
                } | {
                    name: string;
                    id?: string;
                    /** @description The new flow's language (default `en`): the editor's, so a French marketer's flow is in French. */
                    language?: string;
                };
            };
        };
        responses: {
            /** @description The flow, as created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDetail"];
                };
            };
            /** @description The body or the flow is not valid (`issues`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A flow with this id exists already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 5 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsImport: {
        parameters: {
            query?: {
                /** @description Replace a flow with the same id (`1` or `true`). */
                overwrite?: string;
                /** @description Import as a copy when the id is taken: a free id (`order-tracking-2`) and the name `name` (or the file's, with ` (copy)`). */
                copy?: string;
                /** @description The copy's name (with `copy=1`). */
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Flow"];
            };
        };
        responses: {
            /** @description The imported flow. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDetail"];
                };
            };
            /** @description The document is not a valid flow (`issues`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A flow with this id exists already (add `overwrite=1`, or `copy=1`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 5 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flow. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDetail"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putFlowsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A flow document (flow.schema.json); older schema versions are migrated. */
                    flow: unknown;
                    revision: number;
                };
            };
        };
        responses: {
            /** @description The new revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Saved"];
                };
            };
            /** @description The flow is not valid, or its id changed (`issues`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Someone saved in the meantime (`current`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 5 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFlowsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchFlowsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The flow. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDetail"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsIdDuplicate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The copy. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDetail"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A flow with this id exists already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsIdPublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    revision?: number;
                };
            };
        };
        responses: {
            /** @description The version published. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Published"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The flow changed since this revision (`current`), or it claims a keyword, ref, payload, event or the default reply of another live flow (`code: flow_clash`, `problems` name that flow). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The flow has lint errors (`problems`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsIdPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flow is paused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PauseState"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The flow was never published (`not_published`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsIdResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flow is live. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PauseState"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The flow was never published (`not_published`), or another live flow claims what it answers (`flow_clash`, `problems`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsIdVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: components["schemas"]["VersionSummary"][];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsIdVersionsVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
                /** @description A published version number. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDetail"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsIdVersionsVersionRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
                /** @description A published version number. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flow. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDetail"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An attachment `<id>.json`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsIdStats: {
        parameters: {
            query?: {
                /** @description Milliseconds since the epoch, or an ISO 8601 date. */
                from?: string;
                /** @description Milliseconds since the epoch, or an ISO 8601 date. */
                to?: string;
            };
            header?: never;
            path: {
                /** @description The flow's id (a slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowStats"];
                };
            };
            /** @description `from` or `to` is not a date between 1970 and 9999. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such flow (or version). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContactsIdExternalIds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ externalIds }`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postContactsIdExternalIds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ externalId }`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContactsIdEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ events }`, newest first (at most 100). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["ContactEvent"][];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContacts: {
        parameters: {
            query?: {
                /** @description At most this many contacts (50 by default, 500 at most). */
                limit?: string;
                /** @description Part of a name, the id or a field value. */
                search?: string;
                /** @description Only contacts with this tag. */
                tag?: string;
                /** @description `true` (or `1`): only paused contacts; anything else: only the others. */
                paused?: string;
                /** @description The `next` of the previous page. */
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contacts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contacts: components["schemas"]["Contact"][];
                        /** @description The `before` of the next page, when this one is full. */
                        next?: string;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContactsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteContactsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContactsIdTranscript: {
        parameters: {
            query?: {
                /** @description At most this many messages (100 by default, 1,000 at most). */
                limit?: string;
                /** @description Messages older than this message id. */
                before?: string;
            };
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: components["schemas"]["TranscriptMessage"][];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postContactsIdPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Resume by itself after this long; absent: until resumed. */
                    minutes?: number;
                };
            };
        };
        responses: {
            /** @description The contact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postContactsIdResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postContactsIdMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Queued: the outbox row's id. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContactsIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id (its PSID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An attachment `contact-<id>.json`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        exportedAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such contact. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConversations: {
        parameters: {
            query?: {
                /** @description `waiting` (nobody took it), `assigned`, `resolved`, or `open` (waiting and assigned, the default). */
                state?: "waiting" | "assigned" | "resolved" | "open";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversations: components["schemas"]["ConversationSummary"][];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConversationsStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A stream of server-sent events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConversationsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id (`cv_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationDetail"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such conversation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postConversationsIdTake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id (`cv_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationSummary"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such conversation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Someone else has it, or it is resolved. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postConversationsIdAssign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id (`cv_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The agent's id. */
                    to: string;
                    /** @description How the agent is named to others (the id when absent). */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationSummary"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such conversation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description It is resolved. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postConversationsIdMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id (`cv_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Queued: the outbox row's id. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such conversation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description It is resolved. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postConversationsIdNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id (`cv_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description The note. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationNote"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such conversation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postConversationsIdRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id (`cv_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such conversation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postConversationsIdResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id (`cv_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationSummary"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such conversation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description It is resolved already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: `{ id, status: "queued" }`. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not valid, with the JSON path of each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unknown_contact`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Over 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `no_flow_for_event`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postEventsBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ results: [...] }`, in order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not valid, or `batch_too_large` (over 1,000 events). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Over 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEventsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id (`evt_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such event. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ endpoints }`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhooksEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint, with `secret`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Refused URL. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhooksEndpointsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The endpoint's id (`we_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ deliveries }`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        getStarted: {
                            payload: string;
                        } | null;
                        greeting: {
                            locale: string;
                            text: string;
                        }[];
                        persistentMenu: {
                            locale: string;
                            items: {
                                title: string;
                                payload?: string;
                                /** Format: uri */
                                url?: string;
                            }[];
                        }[];
                        iceBreakers: {
                            question: string;
                            payload: string;
                        }[];
                        /**
                         * @description How another app's request for the conversation (request_thread_control) is answered: pass at once, or when_idle (the default), only while the bot waits for no answer, HTTP call or delay.
                         * @enum {string}
                         */
                        threadRequests?: "pass" | "when_idle";
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    getStarted: {
                        payload: string;
                    } | null;
                    greeting: {
                        locale: string;
                        text: string;
                    }[];
                    persistentMenu: {
                        locale: string;
                        items: {
                            title: string;
                            payload?: string;
                            /** Format: uri */
                            url?: string;
                        }[];
                    }[];
                    iceBreakers: {
                        question: string;
                        payload: string;
                    }[];
                    /**
                     * @description How another app's request for the conversation (request_thread_control) is answered: pass at once, or when_idle (the default), only while the bot waits for no answer, HTTP call or delay.
                     * @enum {string}
                     */
                    threadRequests?: "pass" | "when_idle";
                };
            };
        };
        responses: {
            /** @description The settings saved, and whether Messenger took them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        getStarted: {
                            payload: string;
                        } | null;
                        greeting: {
                            locale: string;
                            text: string;
                        }[];
                        persistentMenu: {
                            locale: string;
                            items: {
                                title: string;
                                payload?: string;
                                /** Format: uri */
                                url?: string;
                            }[];
                        }[];
                        iceBreakers: {
                            question: string;
                            payload: string;
                        }[];
                        /**
                         * @description How another app's request for the conversation (request_thread_control) is answered: pass at once, or when_idle (the default), only while the bot waits for no answer, HTTP call or delay.
                         * @enum {string}
                         */
                        threadRequests?: "pass" | "when_idle";
                        sync: {
                            ok: boolean;
                            error?: string;
                        };
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSecrets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secrets: components["schemas"]["SecretInfo"][];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putSecretsName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret's name, as in `{{secrets.NAME}}`. */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description The secret, without its value. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretInfo"];
                };
            };
            /** @description The name or the value is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSecretsName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret's name, as in `{{secrets.NAME}}`. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such secret set in the editor. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAiProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiProviderInfo"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putAiProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An OpenAI-compatible chat-completions endpoint, like https://api.mistral.ai/v1. */
                    baseUrl?: string;
                    model?: string;
                    /** @description The provider's key (write-only: never read back); null forgets it. */
                    apiKey?: string | null;
                };
            };
        };
        responses: {
            /** @description The provider, without its key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiProviderInfo"];
                };
            };
            /** @description A field is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONVO_AI_API_KEY is set: the environment's provider wins. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuntimeStatus"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOutboxParked: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The parked messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        parked: {
                            id: number;
                            contactId: string;
                            reason: string | null;
                            code: string | null;
                            /** Format: date-time */
                            at: string;
                            /** @description The message, or the HTTP call, as queued. */
                            message: unknown;
                        }[];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOutboxParkedIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The row's id (a number). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such parked message. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInboxFailed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The failed events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        failed: {
                            id: number;
                            contactId: string;
                            kind: string;
                            error: string | null;
                            attempts: number;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInboxFailedIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The row's id (a number). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such failed event. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInboxUnknown: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unknown events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unknown: {
                            id: number;
                            kind: string;
                            reason: string;
                            contactId: string;
                            standby: boolean;
                            /** Format: date-time */
                            at: string;
                            /** @description The event as Meta sent it (cut deep down). */
                            raw: unknown;
                        }[];
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInboxPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The last action, or null. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Meta's last policy action on the Page, if any: a block stops sends. */
                        latest: {
                            action: string;
                            reason: string | null;
                            /** Format: date-time */
                            at: string;
                        } | null;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSimulatorHttp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                    url: string;
                    headers: {
                        name: string;
                        value: string;
                    }[];
                    body?: string;
                    timeoutMs: number;
                    secrets?: {
                        /** @enum {string} */
                        field: "url" | "body" | "header";
                        header?: number;
                        at: number;
                        length: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description What the call answered, or why it failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpOutcome"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSimulatorAi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    task: "answer";
                    question: string;
                    passages: string[];
                    tone?: string;
                    locale?: string;
                    maxChars: number;
                    timeoutMs: number;
                } | {
                    /** @constant */
                    task: "intent";
                    question: string;
                    intents: {
                        id: string;
                        name: string;
                        examples: string[];
                    }[];
                    timeoutMs: number;
                };
            };
        };
        responses: {
            /** @description What the model answered, or why it failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiOutcome"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postHttpTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    step: {
                        /** @constant */
                        kind: "http";
                        /** @enum {string} */
                        method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                        url: string;
                        headers?: {
                            name: string;
                            value: string;
                        }[];
                        body?: string;
                        timeoutMs?: number;
                        responseMapping?: {
                            path: string;
                            variable: string;
                        }[];
                        statusVariable?: string;
                        samples?: {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description What the call answered, or why it failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpTestOutcome"];
                };
            };
            /** @description The step is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSandboxMessages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The channel the test contact writes on (Messenger by default).
                     * @enum {string}
                     */
                    channel?: "messenger" | "instagram" | "whatsapp";
                    psid?: string;
                    text?: string;
                    postback?: {
                        payload: string;
                        title: string;
                    };
                    quickReply?: {
                        payload: string;
                        text: string;
                    };
                    /** @description The test contact's Messenger locale from now on (fr_FR, en_GB): a flow in several languages answers in its language. */
                    locale?: string;
                };
            };
        };
        responses: {
            /** @description Taken by the webhook. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        psid: string;
                        contactId: string;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The webhook refused it. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSandboxSent: {
        parameters: {
            query?: {
                /** @description The channel the test contact writes on (Messenger by default). */
                channel?: "messenger" | "instagram" | "whatsapp";
                /** @description Only the calls to this contact. */
                psid?: string;
                /** @description Only the calls after this `seq` (0 by default). */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calls, numbered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        calls: {
                            seq: number;
                            method: string;
                            path: string;
                            query: {
                                [key: string]: string;
                            };
                            body: unknown;
                            at: number;
                            status: number;
                            response: unknown;
                        }[];
                        contactId?: string;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A Page token is set: no sandbox. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSandboxContact: {
        parameters: {
            query: {
                /** @description The channel the test contact writes on (Messenger by default). */
                channel?: "messenger" | "instagram" | "whatsapp";
                /** @description The test contact. */
                psid: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact's state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contactId: string;
                        fields: {
                            [key: string]: string;
                        };
                        tags: string[];
                        variables: {
                            [key: string]: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a contact until its first message. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A Page token is set: no sandbox. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, and no valid API key or bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ready: true;
                    };
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Starting or stopping. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ready: false;
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Prometheus text format, version 0.0.4. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksMessenger: {
        parameters: {
            query: {
                /** @description `subscribe`. */
                "hub.mode": string;
                /** @description MESSENGER_VERIFY_TOKEN. */
                "hub.verify_token": string;
                /** @description Answered back when the token matches. */
                "hub.challenge": string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `hub.challenge`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The verify token does not match. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhooksMessenger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    object: string;
                    entry: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description `EVENT_RECEIVED`, once the events are on disk. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Not JSON, or not a webhook body. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description X-Hub-Signature-256 does not match. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksWhatsapp: {
        parameters: {
            query: {
                /** @description `subscribe`. */
                "hub.mode": string;
                /** @description WHATSAPP_VERIFY_TOKEN (MESSENGER_VERIFY_TOKEN when empty). */
                "hub.verify_token": string;
                /** @description Answered back when the token matches. */
                "hub.challenge": string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `hub.challenge`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The verify token does not match. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhooksWhatsapp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    object: string;
                    entry: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description `EVENT_RECEIVED`, once the events are on disk. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Not JSON, or not a webhook body. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description X-Hub-Signature-256 does not match. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
