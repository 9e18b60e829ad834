import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One signed-in device. Revoking it ends every token issued in it at once. */
@Entity('auth_sessions')
export class AuthSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** WeChat's session_key for this login; kept on the server only (needed to decrypt the phone number). */
  @Column({ name: 'wechat_session_key', type: 'varchar', length: 64, nullable: true, select: false })
  wechatSessionKey: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 40, nullable: true })
  revokeReason: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
