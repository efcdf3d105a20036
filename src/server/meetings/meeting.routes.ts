import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../shared/contracts/common.js';
import {
  AgendaItem,
  ChangeMeetingStateInput,
  CreateAgendaItemInput,
  CreateMeetingCommentInput,
  CreateMeetingInput,
  MarkOutcomeDoneInput,
  Meeting,
  MeetingComment,
  MeetingList,
  MeetingListQuery,
  MeetingMoved,
  MoveAgendaItemInput,
  Outcome,
  OutcomeInput,
  RegisterMeetingInput,
  ReplaceParticipantsInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
  UpdateOutcomeInput,
  VersionInput,
  VersionQuery,
  WriteMinutesInput,
} from '../../shared/contracts/meetings.js';
import { type MailDelivery, noMailServer } from '../mail/mail-outcome.js';
import { everyone } from '../platform/authorize.js';
import { acceptAgendaItem } from './accept-agenda-item.js';
import { addAgendaItem, agendaWriters } from './add-agenda-item.js';
import { addMeetingComment } from './add-meeting-comment.js';
import { addOutcome } from './add-outcome.js';
import { changeMeetingState } from './change-meeting-state.js';
import { createMeeting, meetingManagers } from './create-meeting.js';
import { deleteAgendaItem } from './delete-agenda-item.js';
import { deleteOutcome } from './delete-outcome.js';
import { getMeeting } from './get-meeting.js';
import { listMeetings } from './list-meetings.js';
import { actionOwners, markOutcomeDone } from './mark-outcome-done.js';
import { moveAgendaItem } from './move-agenda-item.js';
import { registerMeeting } from './register-meeting.js';
import { replaceParticipants } from './replace-participants.js';
import { updateAgendaItem } from './update-agenda-item.js';
import { updateMeeting } from './update-meeting.js';
import { updateOutcome } from './update-outcome.js';
import { writeMinutes } from './write-minutes.js';

const tags = ['meetings'];

/** `mail`: whether a mail server sends the e-mail (the answers say what became of it); none when absent. */
export type MeetingRouteOptions = { publicUrl?: string; mail?: MailDelivery };

/**
 * Meetings: everyone signed in reads those their role may (a region contact its region's, never the
 * county's internal ones); the admin manages all, a department editor their department's bilateral ones;
 * region contacts propose agenda items and comment on minutes sent for comment.
 */
export const meetingRoutes: FastifyPluginAsyncZod<MeetingRouteOptions> = async (app, options) => {
  /** The app's address for the links in e-mails: PUBLIC_URL, else the address the writer used. */
  const links = (request: FastifyRequest) => ({
    appUrl: options.publicUrl ?? `${request.protocol}://${request.host}`,
  });
  const delivery = options.mail ?? noMailServer;

  app.get(
    '/api/v1/meetings',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'Meetings, earliest first, by cycle, type, state, region and agreement (a region contact: its own)',
        querystring: MeetingListQuery,
        response: { 200: MeetingList },
      },
    },
    async (request) => listMeetings(request.ctx, request.query),
  );
  app.post(
    '/api/v1/meetings',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: "Plan a meeting (a department editor: their department's bilateral meetings)",
        body: CreateMeetingInput,
        response: { 201: Meeting },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(request.ctx, request.body, links(request))),
  );
  app.post(
    '/api/v1/meetings/registered-afterwards',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary:
          'Register a meeting that took place before: created held (minutes if given), nobody invited or e-mailed',
        body: RegisterMeetingInput,
        response: { 201: Meeting },
      },
    },
    async (request, reply) => reply.status(201).send(await registerMeeting(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/meetings/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'A meeting with its participants, agenda, minutes, outcomes and comments',
        params: IdParams,
        response: { 200: Meeting },
      },
    },
    async (request) => getMeeting(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/meetings/:id',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: "Change a meeting's details while it is planned or held (time or place raise its sequence)",
        params: IdParams,
        body: UpdateMeetingInput,
        response: { 200: Meeting },
      },
    },
    async (request) => updateMeeting(request.ctx, request.params.id, request.body, links(request)),
  );
  app.post(
    '/api/v1/meetings/:id/state',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary:
          'Move a meeting on: held, minutes for comment (the participants are e-mailed), minutes approved, or cancelled; the answer says whether the e-mail is queued or kept (no mail server)',
        params: IdParams,
        body: ChangeMeetingStateInput,
        response: { 200: MeetingMoved },
      },
    },
    async (request) =>
      changeMeetingState(request.ctx, request.params.id, request.body, links(request), delivery),
  );
  app.put(
    '/api/v1/meetings/:id/participants',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: "Set a meeting's participants with their side and attendance",
        params: IdParams,
        body: ReplaceParticipantsInput,
        response: { 200: Meeting },
      },
    },
    async (request) => replaceParticipants(request.ctx, request.params.id, request.body, links(request)),
  );
  app.put(
    '/api/v1/meetings/:id/minutes',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: "Write a held meeting's minutes (rich text), until they are approved",
        params: IdParams,
        body: WriteMinutesInput,
        response: { 200: Meeting },
      },
    },
    async (request) => writeMinutes(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/meetings/:id/agenda-items',
    {
      config: { access: agendaWriters },
      schema: {
        tags,
        summary: "Add an item to a planned meeting's agenda (a region contact's is proposed until accepted)",
        params: IdParams,
        body: CreateAgendaItemInput,
        response: { 201: AgendaItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAgendaItem(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/agenda-items/:id',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: "Change an agenda item's title or duration",
        params: IdParams,
        body: UpdateAgendaItemInput,
        response: { 200: AgendaItem },
      },
    },
    async (request) => updateAgendaItem(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/agenda-items/:id',
    {
      config: { access: agendaWriters },
      schema: {
        tags,
        summary: 'Take an item off the agenda (a region contact: withdraw their own proposal)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.undefined().describe('Agenda item removed') },
      },
    },
    async (request, reply) => {
      await deleteAgendaItem(request.ctx, request.params.id, request.query);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/agenda-items/:id/accept',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: "Accept a region contact's proposed agenda item",
        params: IdParams,
        body: VersionInput,
        response: { 200: AgendaItem },
      },
    },
    async (request) => acceptAgendaItem(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/agenda-items/:id/move',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: 'Move an agenda item one place up or down',
        params: IdParams,
        body: MoveAgendaItemInput,
        response: { 200: AgendaItem },
      },
    },
    async (request) => moveAgendaItem(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/meetings/:id/outcomes',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary:
          'Record an outcome of a held meeting: information, a decision, or an action with owner and due date',
        params: IdParams,
        body: OutcomeInput,
        response: { 201: Outcome },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addOutcome(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/outcomes/:id',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: 'Change an outcome (all its fields, from the version seen)',
        params: IdParams,
        body: UpdateOutcomeInput,
        response: { 200: Outcome },
      },
    },
    async (request) => updateOutcome(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/outcomes/:id',
    {
      config: { access: meetingManagers },
      schema: {
        tags,
        summary: 'Remove an outcome while the minutes are not approved',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.undefined().describe('Outcome removed') },
      },
    },
    async (request, reply) => {
      await deleteOutcome(request.ctx, request.params.id, request.query);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/outcomes/:id/done',
    {
      config: { access: actionOwners },
      schema: {
        tags,
        summary: 'Mark an action done or open again (its owner, or who manages the meeting)',
        params: IdParams,
        body: MarkOutcomeDoneInput,
        response: { 200: Outcome },
      },
    },
    async (request) => markOutcomeDone(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/meetings/:id/comments',
    {
      config: { access: actionOwners },
      schema: {
        tags,
        summary: 'Comment on minutes sent for comment',
        params: IdParams,
        body: CreateMeetingCommentInput,
        response: { 201: MeetingComment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMeetingComment(request.ctx, request.params.id, request.body)),
  );
};
