const tab = (pagePath: string, text: string, icon: string) => ({
  pagePath,
  text,
  iconPath: `assets/tab/${icon}.png`,
  selectedIconPath: `assets/tab/${icon}-active.png`,
});

export default defineAppConfig({
  // The main package holds the tab pages, login and the project detail every role opens;
  // each role's workspace is a subpackage.
  // Order, event, need, chat and 我的预约 pages are opened by several roles (or offline by villagers), so they stay here too.
  pages: [
    'pages/index/index',
    'pages/events/index',
    'pages/messages/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/project/index',
    'pages/order/index',
    'pages/event/index',
    'pages/reservations/index',
    'pages/village/index',
    'pages/need/index',
    'pages/chat/index',
  ],
  subPackages: [
    {
      root: 'packages/manager',
      pages: ['pages/halls/index', 'pages/orders/index', 'pages/order-form/index', 'pages/check-in/index', 'pages/needs/index', 'pages/calendar/index'],
    },
    {
      root: 'packages/reviewer',
      pages: ['pages/home/index', 'pages/queue/index', 'pages/suspended/index', 'pages/stats/index', 'pages/rankings/index', 'pages/low-scores/index', 'pages/nominations/index'],
    },
    {
      root: 'packages/provider',
      pages: [
        'pages/home/index',
        'pages/projects/index',
        'pages/project-form/index',
        'pages/orders/index',
        'pages/needs/index',
        'pages/calendar/index',
        'pages/nominations/index',
      ],
    },
    {
      root: 'packages/admin',
      pages: [
        'pages/home/index',
        'pages/halls/index',
        'pages/hall/index',
        'pages/hall-form/index',
        'pages/import/index',
        'pages/users/index',
        'pages/user/index',
        'pages/invites/index',
        'pages/rules/index',
        'pages/audit/index',
      ],
    },
  ],
  // 管理工作台 picks a hall's location on WeChat's map (Taro.chooseLocation must be declared).
  requiredPrivateInfos: ['chooseLocation'],
  window: {
    navigationBarTitleText: '礼堂点单',
    navigationBarBackgroundColor: '#b42318',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#b42318',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      tab('pages/index/index', '首页', 'home'),
      tab('pages/events/index', '活动', 'events'),
      tab('pages/messages/index', '消息', 'messages'),
      tab('pages/mine/index', '我的', 'mine'),
    ],
  },
});
