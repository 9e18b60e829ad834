import { ErrorCode, projectMachine, type ProjectState } from '@hall-menu/shared';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DomainError } from '../src/common/errors/domain-error';
import { TransitionHistory } from '../src/common/transitions/transition-history.entity';
import { TransitionService, type Actor } from '../src/common/transitions/transition.service';
import { DatabaseService } from '../src/database/database.service';
import { freshDatabase } from './database';

/** A throwaway workflow table: the helper is generic, so it is tested apart from any feature. */
@Entity('test_projects')
class TestProject {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  status: ProjectState;

  @Column({ type: 'varchar', length: 40, default: '' })
  note: string;
}

const provider: Actor = { id: 7, roles: ['provider'] };
const reviewer: Actor = { id: 9, roles: ['reviewer'] };

describe('TransitionService on MySQL', () => {
  let dataSource: DataSource;
  let transitions: TransitionService;

  beforeAll(async () => {
    // synchronize is fine here: a throwaway schema for a test-only entity.
    dataSource = new DataSource({ type: 'mysql', url: await freshDatabase(), entities: [TestProject, TransitionHistory], synchronize: true });
    await dataSource.initialize();
    transitions = new TransitionService(new DatabaseService(dataSource));
  });

  afterAll(() => dataSource.destroy());

  const create = (status: ProjectState) => dataSource.manager.save(dataSource.manager.create(TestProject, { status }));
  const reload = (id: number) => dataSource.manager.findOneByOrFail(TestProject, { id });
  const historyOf = (id: number) => dataSource.manager.find(TransitionHistory, { where: { entityType: 'project', entityId: id } });
  const base = { machine: projectMachine, entity: TestProject, label: '服务项目' };

  async function expectDomainError(promise: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }

  it('moves the row, writes the extra columns and records who did it', async () => {
    const project = await create('draft');
    const result = await transitions.apply({ ...base, id: project.id, event: 'submit', actor: provider, set: { note: 'ready' } });
    expect(result).toMatchObject({ from: 'draft', to: 'pending_review' });
    expect(await reload(project.id)).toMatchObject({ status: 'pending_review', note: 'ready' });
    const [row] = await historyOf(project.id);
    expect(row).toMatchObject({ fromState: 'draft', toState: 'pending_review', event: 'submit', actorId: 7, actorRole: 'provider', reason: null });
  });

  it('refuses an event the role may never perform as forbidden, and changes nothing', async () => {
    const project = await create('pending_review');
    const error = await expectDomainError(transitions.apply({ ...base, id: project.id, event: 'approve', actor: provider }), ErrorCode.Forbidden);
    expect(error.message).toBe('您的身份不能进行此操作');
    // An event the role may perform, but not in this state, is a conflict naming what is allowed now.
    const stateError = await expectDomainError(transitions.apply({ ...base, id: project.id, event: 'submit', actor: provider }), ErrorCode.InvalidTransition);
    expect(stateError.details).toMatchObject({ state: 'pending_review', event: 'submit' });
    expect((await reload(project.id)).status).toBe('pending_review');
    expect(await historyOf(project.id)).toHaveLength(0);
  });

  it('requires a reason where the table says so, and keeps it', async () => {
    const project = await create('pending_review');
    await expectDomainError(transitions.apply({ ...base, id: project.id, event: 'reject', actor: reviewer, reason: '   ' }), ErrorCode.ReasonRequired);
    expect((await reload(project.id)).status).toBe('pending_review');
    await transitions.apply({ ...base, id: project.id, event: 'reject', actor: reviewer, reason: '照片不清晰' });
    expect((await historyOf(project.id))[0].reason).toBe('照片不清晰');
  });

  it('rolls back when a guard refuses', async () => {
    const project = await create('draft');
    const refusal = new DomainError(ErrorCode.Forbidden, '服务方尚未认证');
    await expectDomainError(
      transitions.apply({ ...base, id: project.id, event: 'submit', actor: provider, guard: async () => Promise.reject(refusal) }),
      ErrorCode.Forbidden,
    );
    expect((await reload(project.id)).status).toBe('draft');
    expect(await historyOf(project.id)).toHaveLength(0);
  });

  it('lets exactly one of many concurrent identical transitions win', async () => {
    const project = await create('pending_review');
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () => transitions.apply({ ...base, id: project.id, event: 'approve', actor: reviewer })),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const loss of lost) expect([ErrorCode.StaleState, ErrorCode.InvalidTransition]).toContain((loss.reason as DomainError).code);
    expect((await reload(project.id)).status).toBe('published');
    expect(await historyOf(project.id)).toHaveLength(1);
  });

  it('undoes the state change and its history together when the surrounding transaction fails', async () => {
    const project = await create('draft');
    await expect(
      dataSource.transaction(async (m) => {
        await transitions.apply({ ...base, id: project.id, event: 'submit', actor: provider }, m);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect((await reload(project.id)).status).toBe('draft');
    expect(await historyOf(project.id)).toHaveLength(0);
  });

  it('answers not found for a missing row', async () => {
    await expectDomainError(transitions.apply({ ...base, id: 987654, event: 'submit', actor: provider }), ErrorCode.NotFound);
  });
});
