import { isValidResidentId, type SessionUser } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { CertificatesTable } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { sha256Hex } from "../../shared/ids";
import type { PersonalDataVault } from "../../shared/personal-data";
import { findCertificate, isTokenBound, lockTokenForBinding } from "../certificates/certificates.service";
import type { Actor } from "../policy/actor";
import {
  bindTokenToUser,
  createUser,
  findAccountByIdNumber,
  findAccountByMobile,
  setAccountIdNumber,
} from "../users/accounts.service";
import { loadSessionUser } from "../users/session-user";
import { findBindingTicket, useBindingTicket } from "./binding-tickets.queries";
import type { RequestMeta } from "./ca-login.service";
import type { SessionService } from "./sessions.service";
import type { SmsCodeService } from "./sms-codes.service";

export interface BindInput {
  bindingTicket: string;
  mobile: string;
  smsCode: string;
  idNumber?: string;
  name?: string;
}

/**
 * 绑定身份 after a first CA login: 一锁一人一账号. The verified mobile becomes the person's login. A main key
 * binds the enterprise administrator (mobile + resident ID; one administrator per enterprise); a personal key
 * binds its holder. A key bound once never moves to another account; a person (mobile or ID number) has one
 * account, which may hold several keys.
 */
export class BindingService {
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly smsCodes: SmsCodeService;
  private readonly sessions: SessionService;
  private readonly vault: PersonalDataVault;

  constructor(deps: {
    database: UnitOfWork;
    clock: Clock;
    smsCodes: SmsCodeService;
    sessions: SessionService;
    vault: PersonalDataVault;
  }) {
    this.database = deps.database;
    this.vault = deps.vault;
    this.clock = deps.clock;
    this.smsCodes = deps.smsCodes;
    this.sessions = deps.sessions;
  }

  async bind(input: BindInput, meta: RequestMeta): Promise<{ user: SessionUser; sessionToken: string }> {
    const ticket = await findBindingTicket(this.database.db, sha256Hex(input.bindingTicket));
    const nowIso = this.clock.now().toISOString();
    if (!ticket || ticket.used_at || ticket.expires_at <= nowIso) throw new AppError("BINDING_TICKET_INVALID");
    const certificate = await findCertificate(this.database.db, ticket.certificate_id);
    if (!certificate) throw new AppError("BINDING_TICKET_INVALID");
    if (await isTokenBound(this.database.db, certificate.token_id)) throw new AppError("TOKEN_ALREADY_BOUND");
    const person = this.personOf(certificate, input);
    const code = await this.smsCodes.check({ mobile: input.mobile, purpose: "bind", code: input.smsCode });

    return this.database.transaction(async (trx) => {
      const now = this.clock.now();
      // Serialises binds of the same key, so the loser of a race is told the key is taken (not a constraint error).
      if ((await lockTokenForBinding(trx, certificate.token_id, now)).bound) {
        throw new AppError("TOKEN_ALREADY_BOUND");
      }
      if (!(await useBindingTicket(trx, ticket.id, now.toISOString()))) throw new AppError("BINDING_TICKET_INVALID");
      await this.smsCodes.consume(trx, code.codeId);
      const userId = await this.findOrCreateUser(trx, code.mobile, person, now);
      const actor: Actor = { kind: "user", userId, ip: meta.ip };
      const identityId = await bindTokenToUser(trx, actor, { certificate, userId, now });
      const session = await this.sessions.create(trx, {
        subject: { kind: "user", userId, identityId, certificateId: certificate.id },
        ...meta,
      });
      return { user: await loadSessionUser(trx, userId, identityId), sessionToken: session.token };
    });
  }

  private personOf(certificate: CertificatesTable, input: BindInput): { name: string; idNumber: string | null } {
    if (certificate.holder_kind === "personal") {
      return { name: certificate.holder_name, idNumber: certificate.holder_id_number };
    }
    const name = input.name?.trim();
    if (!name) throw new AppError("VALIDATION_FAILED", "请填写管理员姓名");
    const idNumber = input.idNumber?.trim().toUpperCase() ?? "";
    if (!isValidResidentId(idNumber)) throw new AppError("ID_NUMBER_INVALID");
    return { name, idNumber };
  }

  private async findOrCreateUser(
    trx: DbOrTx,
    mobile: string,
    person: { name: string; idNumber: string | null },
    now: Date,
  ) {
    const byMobile = await findAccountByMobile(trx, mobile);
    const idNumber = person.idNumber ? this.vault.protectIdNumber(person.idNumber) : null;
    const byIdNumber = person.idNumber ? await findAccountByIdNumber(trx, this.vault, person.idNumber) : undefined;
    if (byMobile) {
      if (idNumber && byMobile.id_number_hash && byMobile.id_number_hash !== idNumber.hash) {
        throw new AppError("MOBILE_BOUND_TO_OTHER_PERSON");
      }
      if (byIdNumber && byIdNumber.id !== byMobile.id) throw new AppError("ID_NUMBER_BOUND_TO_OTHER_ACCOUNT");
      if (idNumber && !byMobile.id_number_hash) {
        await setAccountIdNumber(trx, byMobile.id, idNumber, now);
      }
      return byMobile.id;
    }
    if (byIdNumber) throw new AppError("ID_NUMBER_BOUND_TO_OTHER_ACCOUNT");
    return createUser(trx, { kind: "anonymous", ip: null }, { mobile, ...person, idNumber, via: "ca_binding", now });
  }
}
