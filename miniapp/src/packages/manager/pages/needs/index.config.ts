export default definePageConfig({ navigationBarTitleText: '村民需求' });
