export * from './fsm';
export * from './project';
export * from './order';
export * from './need';
export * from './reservation';
export * from './revision';
export * from './nomination';
export * from './commendation';
