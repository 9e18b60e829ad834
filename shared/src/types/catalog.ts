/** Fixed vocabularies of the domain, with the words the UI shows. */

export const CATEGORIES = [
  'performance',
  'film',
  'lecture',
  'training',
  'exhibition',
  'heritage',
  'sports',
  'reading',
  'science',
  'volunteer',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  performance: '文艺演出',
  film: '电影放映',
  lecture: '宣讲讲座',
  training: '技能培训',
  exhibition: '展览展示',
  heritage: '非遗展示',
  sports: '体育健身',
  reading: '阅读推广',
  science: '科普活动',
  volunteer: '志愿服务',
};

export const PROVIDER_KINDS = [
  'culture_centre',
  'art_troupe',
  'lecturer_group',
  'volunteer_team',
  'university_team',
  'social_organisation',
  'individual_artist',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  culture_centre: '文化馆',
  art_troupe: '艺术团',
  lecturer_group: '宣讲团',
  volunteer_team: '志愿服务队',
  university_team: '高校团队(新青年下乡)',
  social_organisation: '社会组织',
  individual_artist: '个人艺术家',
};

export const AUDIENCES = ['all', 'elderly', 'children', 'youth'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  all: '不限',
  elderly: '老年人',
  children: '少年儿童',
  youth: '青年',
};

export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县(市、区)',
  township: '乡镇(街道)',
  village: '村(社区)',
};

export const HALL_FACILITIES = ['stage', 'screen', 'sound', 'power', 'lighting', 'parking'] as const;
export type HallFacility = (typeof HALL_FACILITIES)[number];

export const HALL_FACILITY_LABELS: Record<HallFacility, string> = {
  stage: '舞台',
  screen: '幕布/屏幕',
  sound: '音响',
  power: '动力电',
  lighting: '灯光',
  parking: '停车场',
};

export const VERIFICATION_STATES = ['unverified', 'verified', 'suspended'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const VERIFICATION_LABELS: Record<VerificationState, string> = {
  unverified: '待认证',
  verified: '已认证',
  suspended: '已暂停',
};
