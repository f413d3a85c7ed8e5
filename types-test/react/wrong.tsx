// Deliberately wrong use: each line marked `error:` must fail type-checking, no other line may.
import type {} from 'sferum-widgets/react';
import type { SferumLinkStatusChangeEvent } from 'sferum-widgets';
import 'sferum-widgets/all';

export const wrong = (
  <>
    <sferum-provider vendor={42} /> {/* error: not assignable to type 'string' */}
    <sferum-provider user-role="principal" /> {/* error: "principal" */}
    <sferum-hub theme="sepia" /> {/* error: "sepia" */}
    <sferum-link adapter={42} /> {/* error: not assignable */}
    <sferum-link onsferum-link-status-change={(event) => event.detail.phone} /> {/* error: Property 'phone' does not exist */}
    <sferum-link onsferum-error={(event) => event.detail.message} /> {/* error: Property 'message' does not exist */}
    <sferum-chats sort-by="date" /> {/* error: "date" */}
    <sferum-vcs onsferum-error={(event: SferumLinkStatusChangeEvent) => event.detail.state} /> {/* error: not assignable */}
    <sferum-joinn lesson-id="x" /> {/* error: sferum-joinn */}
  </>
);
