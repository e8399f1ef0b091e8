import { changePasswordSchema, signInInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { changeOwnPassword, signedInUser, signIn, signOut } from "../../auth/staff-auth.js";
import { publicSubmitProcedure, staffProcedure } from "../trpc.js";

export const authRouter = {
  signIn: publicSubmitProcedure
    .input(signInInputSchema)
    .mutation(({ ctx, input }) => signIn(ctx, input)),

  me: staffProcedure.query(({ ctx }) => signedInUser(ctx)),

  signOut: staffProcedure.mutation(({ ctx }) => signOut(ctx, ctx.sessionToken)),

  /**
   * Any signed-in staff member: changes their own password after checking
   * the current one, and signs out their other sessions (this one stays).
   * Wrong current passwords count towards the sign-in throttle.
   */
  changePassword: staffProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx, ctx.sessionToken, input)),
} satisfies TRPCRouterRecord;
