import type { Audience, Category, DateRange, ProjectContent, ProjectState, ProviderKind } from '@hall-menu/shared';

/** [category, title, description, minutes, audienceMin, audienceMax, audience, on-site requirements] */
type Template = [Category, string, string, number, number, number, Audience, string];

/** What each kind of provider typically offers, written as a provider would declare it. */
const TEMPLATES: Record<ProviderKind, Template[]> = {
  culture_centre: [
    ['performance', '“文化进万家”综合文艺演出', '歌舞、器乐、小品、地方戏曲组成的综合晚会，节目约十二个，可结合村里节庆调整节目单，邀请村民同台表演。', 120, 100, 600, 'all', '需要舞台(不小于6×4米)和动力电，演出前一天可进场布置。'],
    ['training', '广场舞骨干培训班', '面向村里广场舞队伍的骨干，教授两到三支新编广场舞，讲解队形编排和安全注意事项，结业后可带队练习。', 120, 20, 60, 'all', '需要空旷场地和音响，学员自带水杯。'],
    ['exhibition', '“乡村变迁”摄影图片展', '精选本地乡村发展变化的摄影作品六十幅，配文字说明，可在礼堂展陈一周，提供布展和撤展。', 60, 30, 500, 'all', '需要礼堂墙面或可放置展板的空地约30米。'],
    ['training', '合唱指挥与声乐辅导', '由馆内声乐老师到村辅导村合唱队，讲解发声方法、声部配合，排练一首合唱曲目。', 90, 15, 50, 'all', '需要钢琴或电子琴更佳，无也可。'],
    ['reading', '书香礼堂·好书分享会', '带来新书一百册，开展好书推荐、读书分享和现场借阅，可配合设立礼堂图书角。', 90, 20, 100, 'all', '需要桌椅若干。'],
    ['heritage', '非遗项目展示体验日', '组织本地非遗传承人到村，现场展示剪纸、木雕、米塑等技艺，村民可动手体验。', 150, 30, 200, 'all', '需要桌子八张和电源插座。'],
    ['film', '公益电影放映', '露天或室内放映近期优秀国产影片和科教片，每场一部正片加一部科普短片，自带放映设备。', 150, 50, 500, 'all', '需要电源和能遮光的场地，室外需平整空地。'],
    ['performance', '优秀村晚节目巡演', '从各地村晚评选出的优秀节目组成巡演专场，包括舞蹈、小品和地方戏，由原班村民演员演出。', 100, 100, 600, 'all', '需要舞台和动力电。'],
  ],
  art_troupe: [
    ['performance', '越剧经典折子戏专场', '精选《红楼梦》《五女拜寿》《梁祝》等经典折子戏四到五出，配字幕，适合喜爱戏曲的中老年观众。', 150, 100, 800, 'elderly', '需要舞台和动力电，提供化妆间一间。'],
    ['performance', '送戏下乡·新编小戏小品专场', '围绕移风易俗、邻里和睦、反诈防骗等主题的新编小戏和小品，用方言演出，笑中有教育。', 90, 80, 500, 'all', '需要舞台或平整场地、音响电源。'],
    ['performance', '村晚节目排演辅导', '派演员到村帮助排演村晚节目两到三个，包括舞蹈编排、服装造型和舞台调度建议。', 180, 10, 40, 'all', '需要排练场地。'],
    ['performance', '民乐与地方曲艺联欢会', '二胡、笛子、琵琶合奏与温州鼓词、莲花落等曲艺节目，可邀请村里乐手同台。', 100, 60, 400, 'elderly', '需要舞台、音响和动力电。'],
    ['training', '戏曲身段与唱腔体验课', '面向戏曲爱好者和中小学生，讲解戏曲基本功，体验水袖、台步和唱腔。', 90, 15, 60, 'children', '需要空旷场地。'],
    ['performance', '节庆广场文艺演出', '适合春节、元宵、中秋等节日的广场演出，歌舞喜庆热闹，约一个半小时。', 90, 200, 1000, 'all', '需要室外广场、舞台和动力电。'],
  ],
  lecturer_group: [
    ['lecture', '党的创新理论百姓宣讲', '用身边事讲大道理，结合本村发展变化，宣讲党的创新理论，时间约一小时，可现场互动答疑。', 60, 30, 300, 'all', '需要话筒和投影。'],
    ['lecture', '乡村振兴与共同富裕政策解读', '解读乡村振兴、共同富裕相关政策，介绍身边的致富带头人案例，回答村民关心的问题。', 90, 30, 200, 'all', '需要投影仪和幕布。'],
    ['lecture', '法治讲堂：身边的法律常识', '围绕土地承包、婚姻家庭、赡养老人等常见法律问题，以案说法，现场解答咨询。', 90, 30, 200, 'all', '需要话筒。'],
    ['lecture', '反诈防骗宣讲', '结合最新电信诈骗案例，教老年人识别骗局、保护养老钱，发放宣传资料。', 60, 30, 300, 'elderly', '需要投影和话筒。'],
    ['lecture', '移风易俗·文明新风宣讲', '倡导婚事新办、丧事简办、孝老爱亲，讲述身边好人故事。', 60, 30, 300, 'all', '需要话筒。'],
    ['lecture', '红色故事进礼堂', '讲述浙南革命老区的红色故事和本地革命先辈事迹，适合党员主题活动和青少年教育。', 60, 30, 300, 'youth', '需要投影和话筒。'],
  ],
  volunteer_team: [
    ['volunteer', '文化志愿者进礼堂', '志愿者到村开展写春联、送书画、义务理发和陪伴老人等服务，半天时间。', 180, 30, 200, 'elderly', '需要桌椅和电源。'],
    ['training', '应急救护知识培训', '讲解心肺复苏、海姆立克急救法，用模拟人现场练习，适合村干部和村民。', 120, 20, 60, 'all', '需要空旷场地和投影。'],
    ['reading', '亲子绘本故事会', '志愿者带领孩子读绘本、做手工，家长可一起参加，培养阅读习惯。', 90, 10, 40, 'children', '需要地垫或小桌椅。'],
    ['science', '防台防汛科普宣传', '讲解台风、洪水来临前后的注意事项和避险知识，发放应急包清单。', 60, 30, 200, 'all', '需要投影和话筒。'],
    ['sports', '老年健身操教学', '教授适合老年人的健身操和八段锦，讲解运动安全，每次一小时。', 60, 20, 80, 'elderly', '需要空旷场地和音响。'],
    ['film', '露天电影进村', '志愿者带放映设备进村放映经典老电影和新片，映前播放防诈骗、垃圾分类等公益短片。', 150, 50, 400, 'all', '需要电源和平整空地。'],
  ],
  university_team: [
    ['volunteer', '“新青年下乡”暑期支教', '大学生志愿者为村里孩子开设为期一周的暑期课堂，包括作业辅导、美术、音乐和科学小实验。', 240, 15, 50, 'children', '需要教室或礼堂和桌椅，连续五天。'],
    ['performance', '大学生文艺汇演', '大学生艺术团带来歌舞、乐器、话剧小品等节目，展示青春风采，可与村民互动。', 90, 100, 500, 'youth', '需要舞台、音响和动力电。'],
    ['training', '智能手机使用培训', '手把手教老年人使用微信视频、健康码、网上缴费和防范诈骗，一对一辅导。', 120, 15, 40, 'elderly', '需要桌椅和充电插座，学员自带手机。'],
    ['training', '农产品电商与直播培训', '讲解网店开设、短视频拍摄和直播带货，帮助村民推广本地农产品。', 150, 15, 50, 'youth', '需要投影和无线网络。'],
    ['lecture', '健康讲座与义诊咨询', '讲解高血压、糖尿病等常见慢病的防治，现场测血压血糖、提供健康咨询。', 120, 30, 200, 'elderly', '需要桌椅和电源。'],
    ['science', '青少年科学小实验', '大学生带领孩子做有趣的科学实验，培养动手能力和科学兴趣。', 90, 15, 50, 'children', '需要桌子和水源。'],
  ],
  social_organisation: [
    ['exhibition', '书画作品展', '会员书画作品四十幅巡回展出，可安排现场挥毫和讲解。', 60, 30, 500, 'all', '需要墙面或展板位置。'],
    ['heritage', '非遗技艺展示与体验', '传承人现场展示非遗技艺，讲述技艺历史，村民和孩子可动手体验。', 120, 20, 150, 'all', '需要桌子和电源。'],
    ['training', '书法入门培训班', '面向青少年和书法爱好者，讲解笔画结构，每人完成一幅作品带回家。', 120, 15, 40, 'children', '需要桌椅，墨和纸由我们带。'],
    ['exhibition', '乡村摄影采风与展览', '组织摄影师到村采风，为村民拍摄全家福，并在礼堂举办小型摄影展。', 180, 30, 300, 'all', '需要展示空间。'],
    ['performance', '传统木偶戏演出', '提线木偶戏经典剧目演出，演出后讲解木偶制作与操控，孩子可近距离观看。', 90, 50, 300, 'all', '需要舞台或平整场地、电源。'],
    ['reading', '乡土文化讲座与读书会', '介绍本地历史名人、古村落和民间传说，推荐乡土读物，开展读书交流。', 90, 20, 120, 'all', '需要投影。'],
  ],
  individual_artist: [
    ['heritage', '传统手艺现场展示', '艺人现场创作并讲解技艺特点和作品寓意，展示历年代表作品。', 90, 20, 150, 'all', '需要桌子一张和良好光线。'],
    ['training', '手工技艺体验课', '手把手教村民和孩子完成一件小作品，材料由艺人准备。', 120, 10, 30, 'children', '需要桌椅。'],
    ['performance', '传统曲艺说唱', '用方言说唱传统故事和新编段子，讲身边的好人好事，适合老年观众。', 90, 30, 300, 'elderly', '需要话筒和音响。'],
    ['exhibition', '个人作品展', '艺人历年代表作品三十件在礼堂展出一周，开幕当天现场讲解。', 60, 20, 300, 'all', '需要展桌或展板位置。'],
  ],
};

export interface DemoProject {
  key: string;
  providerKey: string;
  status: ProjectState;
  content: ProjectContent;
  /** For published, rejected and offline projects: how many days ago it was decided. */
  daysAgo: number;
  /** The reviewer's words for a rejection or suspension. */
  reason: string | null;
}

const WINDOWS = [
  [{ start: '09:00', end: '11:30' }],
  [{ start: '14:00', end: '17:00' }],
  [{ start: '18:30', end: '21:00' }],
  [{ start: '09:00', end: '11:30' }, { start: '14:00', end: '17:00' }],
  [{ start: '14:00', end: '16:30' }, { start: '19:00', end: '21:00' }],
];

const REJECT_REASONS = ['项目介绍过于简单，请补充节目单和演员人数。', '照片与项目内容不符，请更换现场照片。', '费用说明不清楚，请写明礼堂需承担的具体费用。'];
const SUSPEND_REASONS = ['近期多个礼堂反映演出迟到，暂停上架整改。', '演员阵容发生变化，请更新项目信息后重新提交。'];

/** Projects for every provider, deterministic for a given random source. */
export function buildDemoProjects(
  providers: { key: string; kind: ProviderKind; serviceArea: string[]; verification: string }[],
  random: () => number,
): DemoProject[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const year = 2026;
  const projects: DemoProject[] = [];
  for (const provider of providers) {
    for (const [category, title, description, minutes, min, max, audience, requirements] of TEMPLATES[provider.kind]) {
      const weekend = random() < 0.5;
      const blackoutDates: DateRange[] = random() < 0.3 ? [{ from: `${year}-04-01`, to: `${year}-04-20` }] : [];
      if (random() < 0.4) blackoutDates.push({ from: `${year + 1}-02-01`, to: `${year + 1}-02-10` });
      const subsidised = random() < 0.15;
      const roll = random();
      // Unverified organisations cannot submit yet: their projects stay drafts.
      const status: ProjectState =
        provider.verification !== 'verified' ? 'draft' : roll < 0.8 ? 'published' : roll < 0.87 ? 'pending_review' : roll < 0.92 ? 'rejected' : roll < 0.96 ? 'offline' : 'draft';
      projects.push({
        key: `project-${projects.length + 1}`,
        providerKey: provider.key,
        status,
        daysAgo: 1 + Math.floor(random() * 120),
        reason: status === 'rejected' ? pick(REJECT_REASONS) : status === 'offline' ? pick(SUSPEND_REASONS) : null,
        content: {
          category,
          title,
          description,
          photos: [],
          durationMinutes: minutes,
          audienceMin: min,
          audienceMax: max,
          targetAudience: audience,
          requirements,
          serviceArea: provider.serviceArea,
          // Weekends suit villagers best, so Saturday is always offered.
          weekdays: weekend ? [5, 6, 7] : [1, 2, 3, 4, 5, 6, 7].filter((day) => day === 6 || random() < 0.75),
          timeWindows: pick(WINDOWS),
          leadDays: pick([3, 5, 7, 7, 10, 14]),
          blackoutDates,
          cost: subsidised ? 'subsidised' : 'free',
          costNote: subsidised ? '礼堂承担交通费约300元，其余由宣传部门补贴。' : '',
        },
      });
    }
  }
  return projects;
}
