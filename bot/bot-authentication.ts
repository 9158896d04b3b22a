// botbuilder's request authentication, with one correction: a token whose
// signature does not verify (or that is otherwise not a valid JWT) reaches
// CloudAdapter as a plain jsonwebtoken error, which it answers with 500. It is
// a refused credential, so it becomes an AuthenticationError and a 401.
import type { Activity } from "botbuilder";
import { AuthenticationError, type AuthenticateRequestResult } from "botframework-connector";
import { ConfigurationBotFrameworkAuthentication, StatusCodes } from "botbuilder";

const refusedTokenErrors = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);

export class BotRequestAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      const name = (error as Error)?.name;
      if (!(error instanceof AuthenticationError) && refusedTokenErrors.has(name)) {
        throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
  }
}
